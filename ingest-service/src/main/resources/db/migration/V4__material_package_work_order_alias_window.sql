-- cfx-trace event store, version 4: what V1 left in material_event.details or did not keep.
-- V1-V3 are applied in installed databases, so every change comes as its own statement here.
-- Columns added to unit_event and unit_material are nullable without a default: on TimescaleDB
-- that is allowed on compressed hypertables too, and existing rows are not rewritten.

-- ---- material packages (reels, trays, tubes, syringes) and what is known about each.
-- One row per package per message that told something new about it: CFX carries the package in
-- MaterialsInitialized/MaterialsModified as a MaterialPackageDetail (manufacturer, MPN, lot/date
-- code, vendor, expiry...), and as a plain MaterialPackage (id, internal part number, batch,
-- quantity, splice leader) in MaterialsLoaded, SplicePointDetected, MaterialsEmpty,
-- MaterialsConsumed, MaterialsRetired, MaterialsJoined, MaterialsInstalled/Applied...
--
-- Why rows per message and not one upserted row per package: the store is append-only and is
-- written with one COPY per table per batch (StoreBatch/CopyBuffer). An upsert cannot be part of
-- a COPY, would need a unique index (which a TimescaleDB hypertable could only have with its time
-- column) and would rewrite history that audits may ask about ("what did the label say when the
-- reel was loaded?"). A redelivered envelope is already dropped by envelope_key; the normaliser
-- writes a package row only when the message says something about the package it has not just
-- written (its cache is lost on restart, so a repeated row can happen and is harmless: the view
-- below folds rows together). material_package_current gives one row per package: for every
-- attribute the latest non-null value, plus when the package was first and last seen.
create table material_package (
    event_time               timestamptz not null,
    material_package_id      text        not null,
    message_name             text        not null,
    station                  text,
    internal_part_number     text,
    internal_package_name    text,
    lot                      text,
    manufacturer             text,
    manufacturer_part_number text,
    manufacturer_lot_code    text,
    vendor                   text,
    vendor_part_number       text,
    units                    text,
    initial_quantity         double precision,
    quantity                 double precision,
    status                   text,
    created_at               timestamptz,
    manufactured_at          timestamptz,
    received_at              timestamptz,
    expires_at               timestamptz,
    leading_package_id       text,
    batch_package_id         text,
    unique_id                uuid        not null,
    details                  jsonb
);
create index material_package_id on material_package (material_package_id, event_time);
create index material_package_lot on material_package (lot) where lot is not null;
create index material_package_mfr_lot on material_package (manufacturer_lot_code) where manufacturer_lot_code is not null;

create view material_package_current as
select material_package_id,
       min(event_time) as first_seen,
       max(event_time) as last_seen,
       (array_agg(internal_part_number order by event_time desc) filter (where internal_part_number is not null))[1] as internal_part_number,
       (array_agg(internal_package_name order by event_time desc) filter (where internal_package_name is not null))[1] as internal_package_name,
       (array_agg(lot order by event_time desc) filter (where lot is not null))[1] as lot,
       (array_agg(manufacturer order by event_time desc) filter (where manufacturer is not null))[1] as manufacturer,
       (array_agg(manufacturer_part_number order by event_time desc) filter (where manufacturer_part_number is not null))[1] as manufacturer_part_number,
       (array_agg(manufacturer_lot_code order by event_time desc) filter (where manufacturer_lot_code is not null))[1] as manufacturer_lot_code,
       (array_agg(vendor order by event_time desc) filter (where vendor is not null))[1] as vendor,
       (array_agg(vendor_part_number order by event_time desc) filter (where vendor_part_number is not null))[1] as vendor_part_number,
       (array_agg(units order by event_time desc) filter (where units is not null))[1] as units,
       (array_agg(initial_quantity order by event_time desc) filter (where initial_quantity is not null))[1] as initial_quantity,
       (array_agg(quantity order by event_time desc) filter (where quantity is not null))[1] as quantity,
       (array_agg(status order by event_time desc) filter (where status is not null))[1] as status,
       (array_agg(created_at order by event_time desc) filter (where created_at is not null))[1] as created_at,
       (array_agg(manufactured_at order by event_time desc) filter (where manufactured_at is not null))[1] as manufactured_at,
       (array_agg(received_at order by event_time desc) filter (where received_at is not null))[1] as received_at,
       (array_agg(expires_at order by event_time desc) filter (where expires_at is not null))[1] as expires_at,
       (array_agg(leading_package_id order by event_time desc) filter (where leading_package_id is not null))[1] as leading_package_id,
       (array_agg(batch_package_id order by event_time desc) filter (where batch_package_id is not null))[1] as batch_package_id
from material_package
group by material_package_id;

-- ---- unit_material: splice chain, alternate parts, rejected components.
-- CFX MaterialPackage.LeadingMaterialPackage: the package the placed one was spliced onto (the
-- leader runs out first); near the splice the part may come from either (GreyZone components).
-- splice_chain holds the whole chain of leaders as [{id, partNumber, lot}], nearest first.
-- InstalledMaterial.ReferencePartNumber (CFX 1.5): the part the recipe asked for when an
-- alternate part was placed. InstalledMaterial.NonInstalledComponents (CFX 1.4): components
-- picked and not placed (dropped, rejected by vision...), stored with link_kind 'not_installed'
-- and the reason; they are not in the unit, so where-used leaves them out.
alter table unit_material add column leading_package_id text;
alter table unit_material add column splice_chain jsonb;
alter table unit_material add column grey_zone double precision;
alter table unit_material add column reference_part_number text;
alter table unit_material add column rejection_reason text;
alter table unit_material add column details jsonb;
create index unit_material_leading on unit_material (leading_package_id) where leading_package_id is not null;

-- ---- defects by their UniqueIdentifier (UnitsRepaired.RelatedDefectIdentifiers refer to them).
create index defect_defect_id on defect (defect_id) where defect_id is not null;

-- ---- the work order a unit was built for (WorkStarted / UnitsInitialized WorkOrderIdentifier).
alter table unit_event add column work_order text;
alter table unit_event add column work_order_batch text;
create index unit_event_work_order on unit_event (work_order) where work_order is not null;

-- ---- unit_alias validity: a reusable carrier's '<carrier>#<n>' names a different board on
-- every trip. valid_from is when the alias started to hold: the first use of the provisional key
-- in the transaction that named the serial, else the naming message's time. An alias holds until
-- the next alias of the same key starts (unit_alias_window); rows are never updated. Before the
-- first alias of a key, the key belongs to its first unit (nothing earlier can claim it).
alter table unit_alias add column valid_from timestamptz;
update unit_alias set valid_from = event_time;
alter table unit_alias alter column valid_from set not null;
create index unit_alias_window_idx on unit_alias (alias, valid_from);

create view unit_alias_window as
select alias, unit_id, valid_from,
       case when lag(valid_from) over w is null then '-infinity'::timestamptz else valid_from end as lower_bound,
       coalesce(lead(valid_from) over w, 'infinity'::timestamptz) as upper_bound,
       event_time, unique_id
from unit_alias
window w as (partition by alias order by valid_from, event_time, unit_id);

-- the unit a stored key denotes at a time: the serial of the alias valid then, else the key.
create function unit_at(key text, at timestamptz) returns text
language sql stable parallel safe as $$
    select coalesce(
        (select a.unit_id from unit_alias a where a.alias = key and a.valid_from <= at order by a.valid_from desc, a.event_time desc limit 1),
        (select a.unit_id from unit_alias a where a.alias = key order by a.valid_from, a.event_time limit 1),
        key)
$$;

-- every key a unit's rows are stored under, with the time window in which the key denotes it:
-- the unit id itself always, each of its aliases within that alias's window.
create function unit_keys(unit text) returns table (key text, lower_bound timestamptz, upper_bound timestamptz)
language sql stable parallel safe as $$
    select unit, '-infinity'::timestamptz, 'infinity'::timestamptz
    union all
    select w.alias, w.lower_bound, w.upper_bound from unit_alias_window w where w.unit_id = unit and w.alias <> unit
$$;
