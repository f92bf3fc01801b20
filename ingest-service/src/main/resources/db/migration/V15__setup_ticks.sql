-- cfx-trace event store, version 15: the seventh fraction digit of the times that open and close
-- intervals (issue #13, item 4). V14 kept it for unit and station events; a material setup ended
-- at the earliest end after its start, and a reel loaded 100 ns after another at the same location
-- replaces it, so the times setups are ordered by need it too:
--   material_setup: loaded_tick, unloaded_tick (the tick of loaded_at, unloaded_at);
--   material_event: event_tick (an unload, empty or splice ends the setups begun before it);
--   operator_session: activated_tick, deactivated_tick (a deactivation, a station_event with
--     event_tick since V14, ends the sessions begun before it).
-- Every time is stored cut to the microsecond (StoreTime.of), the tick is what was cut off
-- (StoreTime.tick, 0-9), and intervals are compared as (time, tick) rows, the time compared alone
-- first so that the indexes on the time columns still serve. As in V14: nullable without a
-- default (no table is rewritten); null in rows stored before this version means 0, and the end's
-- tick is null while the end is. The order of such older rows within one microsecond stays what
-- it was until ./cfx rebuild derives them again from raw_message.
alter table material_setup add column loaded_tick smallint;
alter table material_setup add column unloaded_tick smallint;
alter table material_event add column event_tick smallint;
alter table operator_session add column activated_tick smallint;
alter table operator_session add column deactivated_tick smallint;
