-- cfx-trace event store, version 1.
-- Works on plain PostgreSQL 15+; V2 (Java) turns the time-series tables into TimescaleDB
-- hypertables with compression when the extension is loaded. Time-series tables carry BRIN
-- indexes on their time column: rows arrive in time order, so BRIN prunes ranges as partitions
-- would, at a fraction of a B-tree's size.
-- No unique constraint on a time-series table (a hypertable's unique indexes must include its time
-- column); de-duplication is done by envelope_key.

-- Every envelope UniqueID ever stored: the de-duplication key (redeliveries, replays, spool
-- resends are recorded once). Non-UUID ids from odd firmware are mapped to a name-based UUID.
create table envelope_key (
    unique_id   uuid        primary key,
    received_at timestamptz not null
);

-- Every envelope as received: the system of record. The envelope is json, not jsonb: json keeps
-- the text as received (member order, spelling, duplicates) and accepts every valid JSON text,
-- while jsonb would normalise it and refuse a \u0000 escape.
create table raw_message (
    received_at      timestamptz not null,
    unique_id        uuid        not null,
    unique_id_text   text,
    message_name     text        not null,
    typed            boolean     not null,
    source           text,
    target           text,
    request_id       text,
    version          text,
    event_time       timestamptz not null,
    event_time_text  text,
    channel          text        not null,
    connection_id    text        not null,
    remote_address   text        not null,
    remote_container text,
    sasl_user        text,
    amqp_address     text,
    amqp_properties  jsonb       not null,
    batch_index      int         not null,
    envelope         json        not null
);
create index raw_message_unique_id on raw_message (unique_id);
create index raw_message_source on raw_message (source, received_at);
create index raw_message_name on raw_message (message_name, received_at);
create index raw_message_received_brin on raw_message using brin (received_at);

-- What could not be decoded, with the bytes as received and the reason.
create table dead_letter (
    received_at      timestamptz not null,
    dead_letter_id   uuid        not null,
    channel          text        not null,
    connection_id    text        not null,
    remote_address   text        not null,
    remote_container text,
    sasl_user        text,
    amqp_address     text,
    amqp_properties  jsonb       not null,
    batch_index      int         not null,
    kind             text,
    reason           text        not null,
    payload          bytea       not null
);
create index dead_letter_received on dead_letter (received_at);

-- Per-unit events: arrival, departure, work start/end, processing, inspection, test, repair,
-- disqualification, personalisation, identification, loading into carriers.
-- unit_id is the board's serial, or '<panel id>#<position>' until a message names the serial
-- (see unit_alias).
create table unit_event (
    event_time     timestamptz not null,
    unit_id        text        not null,
    panel_id       text,
    position       int,
    event_type     text        not null,
    station        text,
    lane           int,
    stage          text,
    transaction_id text,
    result         text,
    operator       text,
    recipe         text,
    message_name   text        not null,
    unique_id      uuid        not null,
    details        jsonb
);
create index unit_event_unit on unit_event (unit_id, event_time);
create index unit_event_transaction on unit_event (transaction_id) where transaction_id is not null;
create index unit_event_station on unit_event (station, event_time);
create index unit_event_time_brin on unit_event using brin (event_time);

-- Provisional unit keys ('<panel>#<position>') resolved to board serials.
create table unit_alias (
    alias       text        not null,
    unit_id     text        not null,
    event_time  timestamptz not null,
    unique_id   uuid        not null,
    primary key (alias, unit_id)
);
create index unit_alias_unit on unit_alias (unit_id);

-- Genealogy edges: panel to board, carrier to unit, board to installed sub-assembly.
create table unit_edge (
    parent_id            text        not null,
    child_id             text        not null,
    kind                 text        not null,
    position             int,
    reference_designator text,
    station              text,
    transaction_id       text,
    event_time           timestamptz not null,
    unique_id            uuid        not null
);
create index unit_edge_parent on unit_edge (parent_id);
create index unit_edge_child on unit_edge (child_id);

-- The units of each work transaction by position (from WorkStarted, WorkCompleted's late
-- identification, UnitsInitialized), to resolve later per-position results.
create table transaction_unit (
    transaction_id text        not null,
    position       int         not null,
    unit_id        text        not null,
    panel_id       text,
    station        text,
    event_time     timestamptz not null,
    unique_id      uuid        not null
);
create index transaction_unit_tx on transaction_unit (transaction_id, position);

-- Which material package (reel) sat at which location of which station, from when to when.
-- Opened by MaterialsLoaded, closed by MaterialsUnloaded, MaterialsEmpty or SplicePointDetected.
create table material_setup (
    station              text        not null,
    location_identifier  text,
    location_name        text,
    material_package_id  text        not null,
    part_number          text,
    lot                  text,
    carrier_id           text,
    carrier              jsonb,
    loaded_at            timestamptz not null,
    unloaded_at          timestamptz,
    ended_by             text,
    loaded_unique_id     uuid        not null
);
create index material_setup_station on material_setup (station, loaded_at);
create index material_setup_package on material_setup (material_package_id);
create index material_setup_open on material_setup (station, material_package_id) where unloaded_at is null;

-- Material package life: initialised, modified, split, joined, consumed, retired.
create table material_event (
    event_time          timestamptz not null,
    material_package_id text        not null,
    event_type          text        not null,
    part_number         text,
    lot                 text,
    quantity            double precision,
    related_package_id  text,
    station             text,
    unique_id           uuid        not null,
    details             jsonb
);
create index material_event_package on material_event (material_package_id, event_time);
create index material_event_lot on material_event (lot) where lot is not null;

-- Component lot to serial: what MaterialsInstalled / MaterialsApplied say went into a unit.
create table unit_material (
    installed_at         timestamptz not null,
    unit_id              text        not null,
    reference_designator text,
    material_package_id  text,
    part_number          text,
    lot                  text,
    quantity             double precision,
    station              text,
    location_identifier  text,
    carrier_id           text,
    head_and_nozzle      text,
    transaction_id       text,
    installed_unit_id    text,
    link_kind            text        not null,
    unique_id            uuid        not null
);
create index unit_material_unit on unit_material (unit_id);
create index unit_material_package on unit_material (material_package_id) where material_package_id is not null;
create index unit_material_lot on unit_material (lot, part_number) where lot is not null;
create index unit_material_time_brin on unit_material using brin (installed_at);

-- Inspections and tests, one row each, with their result.
create table unit_check (
    event_time     timestamptz not null,
    unit_id        text        not null,
    check_kind     text        not null,
    name           text,
    check_id       text,
    result         text,
    started_at     timestamptz,
    ended_at       timestamptz,
    station        text,
    transaction_id text,
    method         text,
    operator       text,
    recipe         text,
    unique_id      uuid        not null,
    details        jsonb
);
create index unit_check_unit on unit_check (unit_id, event_time);
create index unit_check_time_brin on unit_check using brin (event_time);

-- Measurement vectors of inspections, tests and readings: every value with limits and unit.
create table measurement (
    event_time      timestamptz not null,
    unit_id         text        not null,
    check_kind      text        not null,
    check_name      text,
    name            text,
    designators     text,
    value           double precision,
    value_text      text,
    expected        double precision,
    lower_limit     double precision,
    upper_limit     double precision,
    unit_of_measure text,
    result          text,
    sequence        int,
    station         text,
    transaction_id  text,
    unique_id       uuid        not null,
    details         jsonb
);
create index measurement_unit on measurement (unit_id, event_time);
create index measurement_time_brin on measurement using brin (event_time);

-- Defects found by inspections and tests, and the repairs that refer to them.
create table defect (
    event_time           timestamptz not null,
    unit_id              text        not null,
    defect_id            text,
    check_name           text,
    defect_code          text,
    category             text,
    description          text,
    reference_designator text,
    part_number          text,
    priority             int,
    confidence           double precision,
    verification         text,
    station              text,
    transaction_id       text,
    unique_id            uuid        not null
);
create index defect_unit on defect (unit_id, event_time);

-- Process data: reflow zone setpoints and readings, print parameters, generic parameters.
create table process_value (
    event_time     timestamptz not null,
    unit_id        text,
    transaction_id text,
    station        text,
    process_kind   text        not null,
    zone           text,
    sub_zone       text,
    parameter      text        not null,
    value          double precision,
    value_text     text,
    unit_of_measure text,
    unique_id      uuid        not null
);
create index process_value_tx on process_value (transaction_id) where transaction_id is not null;
create index process_value_unit on process_value (unit_id) where unit_id is not null;
create index process_value_time_brin on process_value using brin (event_time);

-- Personalisation: firmware version and hash, MAC address and other characteristics.
create table unit_characteristic (
    event_time     timestamptz not null,
    unit_id        text        not null,
    name           text        not null,
    value          text,
    station        text,
    transaction_id text,
    unique_id      uuid        not null
);
create index unit_characteristic_unit on unit_characteristic (unit_id);

-- Operator sessions per station, opened by OperatorActivated, closed by OperatorDeactivated.
create table operator_session (
    station        text        not null,
    operator_id    text        not null,
    operator_name  text,
    login_name     text,
    activated_at   timestamptz not null,
    deactivated_at timestamptz,
    unique_id      uuid        not null
);
create index operator_session_station on operator_session (station, activated_at);

-- Station states (SEMI E10/E58 codes) and faults.
create table station_event (
    event_time     timestamptz not null,
    station        text        not null,
    event_type     text        not null,
    state_code     int,
    state_name     text,
    old_state_code int,
    fault_code     text,
    fault_id       text,
    severity       text,
    description    text,
    message_name   text        not null,
    unique_id      uuid        not null,
    details        jsonb
);
create index station_event_station on station_event (station, event_time);
create index station_event_fault on station_event (fault_id) where fault_id is not null;
create index station_event_time_brin on station_event using brin (event_time);
