-- CFX times carry 100 ns (the .NET SDK writes seven fraction digits); timestamptz keeps
-- microseconds. Every time is stored cut to the microsecond (StoreTime); the seventh digit is kept
-- here, so that two events 100 ns apart in the same microsecond keep their order in a unit's route
-- and a station's timeline (order by event_time, event_tick). Null in rows stored before: 0.
alter table unit_event add column event_tick smallint;
alter table station_event add column event_tick smallint;
