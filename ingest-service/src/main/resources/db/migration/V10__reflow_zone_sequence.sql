-- The oven's own zone order (CFX ReflowZone.StageSequence, a Stage member of every
-- ReflowZoneData in SolderReflow.ReflowProcessData and ReflowProfiling): process_value kept only
-- the zone's name, so a reader could order the zones only by name (Zone1, Zone10, Zone2...), and
-- the birth certificate drew the cooling zone second. Null for values that are not per reflow
-- zone, and for zones a message sent without a StageSequence. Rows stored before this migration
-- get it from `./cfx rebuild`, which derives process_value again from the stored envelopes.
alter table process_value add column zone_sequence int;

-- The web UI's search box (query-service SearchQuery) looks a part number up in the setups and
-- the installs; neither table had an index that starts with the part number (unit_material_lot is
-- (lot, part_number)).
create index material_setup_part on material_setup (part_number) where part_number is not null;
