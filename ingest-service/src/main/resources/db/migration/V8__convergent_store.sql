-- cfx-trace event store, version 8: the derived tables become a function of the SET of stored
-- envelopes, whatever their arrival order and however many ingest instances write the store
-- (see io.cfxtrace.ingest.normalize package-info for the rules). V1-V7 are applied in installed
-- databases, so every change comes as its own statement here.

-- ---- work transactions as scopes.
-- The rows a message of a work transaction (CFX TransactionID) produces depend on the other
-- messages of that transaction: WorkStarted names the units by position, a later per-unit result
-- refers to the position only. Every message of a transaction is therefore normalised as if the
-- transaction's messages had arrived in event-time order. This row holds what the normaliser knows
-- after the transaction's stored messages in that order (state: panel id, unit key per position,
-- provisional keys, first use of each key, the stored messages' UniqueIDs and the last one's order
-- key). A message that sorts before one already stored makes the ingest delete the transaction's
-- rows and derive them again from all of its messages.
-- version counts the batches that wrote the row: an instance that prepared a batch while another
-- wrote the same transaction finds another version and writes its batch again under the lock of
-- the row (optimistic concurrency, no lost update).
create table transaction_scope (
    transaction_id text  primary key,
    version        int   not null,
    state          jsonb
);

-- ---- unit_alias: one row per message that teaches an alias, no longer one per (alias, unit).
-- Which message taught an alias first depended on arrival; with a row per teaching message the set
-- of rows is the same in any order, and the validity window of (alias, unit) starts at the
-- earliest of them (unit_keys and unit_at already take the union of a unit's rows).
-- transaction_id names the transaction whose messages taught it (null outside one), so that a
-- transaction derived again can replace its own aliases.
alter table unit_alias add column transaction_id text;
alter table unit_alias drop constraint unit_alias_pkey;
alter table unit_alias add primary key (alias, unit_id, unique_id);
create index unit_alias_transaction on unit_alias (transaction_id) where transaction_id is not null;

-- ---- the per-unit tables a transaction derived again deletes its rows from, by transaction.
-- unit_event, process_value and transaction_unit have such an index since V1.
create index unit_material_transaction on unit_material (transaction_id) where transaction_id is not null;
create index unit_check_transaction on unit_check (transaction_id) where transaction_id is not null;
create index measurement_transaction on measurement (transaction_id) where transaction_id is not null;
create index defect_transaction on defect (transaction_id) where transaction_id is not null;
create index unit_characteristic_transaction on unit_characteristic (transaction_id) where transaction_id is not null;
create index unit_edge_transaction on unit_edge (transaction_id) where transaction_id is not null;

-- ---- material_package: one row per distinct content of a package, kept with its earliest message.
-- V4 wrote a row when a message said something other than what this instance last wrote, which
-- depended on arrival order and on the instance. content_hash identifies the attributes (every
-- column from internal_part_number to details); the row of a content keeps the earliest
-- (event_time, unique_id) that stated it. Rows written before V8 have no hash and are kept as they are.
alter table material_package add column content_hash text;
create unique index material_package_content on material_package (material_package_id, content_hash);

-- ---- operator_session: the end of a session is the earliest OperatorDeactivated after it, so a
-- deactivation stored before its activation still closes it. The deactivation is kept as a
-- station event (event_type 'operator_deactivated', details.operator), the fact the session's end
-- is derived from.
create index station_event_operator on station_event (station, event_time) where event_type = 'operator_deactivated';

-- ---- ./cfx rebuild: where a rebuild of the derived tables from raw_message stands, so that an
-- interrupted one resumes (RebuildCommand, io.cfxtrace.ingest.rebuild.Rebuild). One row; the
-- position is the last envelope rebuilt in scope order (event time, rank, UniqueID), committed in
-- the same transaction as its rows.
create table rebuild_progress (
    id            int         primary key check (id = 1),
    started_at    timestamptz not null,
    event_time    timestamptz,
    rank          int,
    unique_id     uuid,
    envelopes     bigint      not null default 0,
    dead_letters_retried bigint not null default 0,
    finished_at   timestamptz
);
