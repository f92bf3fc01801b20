-- Holds (issue #15): a lot, reel, part number, work order or unit put on hold through the query
-- service's API, and released there. Not derived from envelopes: ./cfx rebuild leaves it alone.
-- A hold is active while released_at is null; the interlocks (ValidateUnits,
-- ValidateStationSetup) read the active ones on every request, so a hold takes effect at once.
create table hold (
    hold_id            bigint generated always as identity primary key,
    kind               text        not null check (kind in ('lot', 'reel', 'part_number', 'work_order', 'unit')),
    value              text        not null,
    -- for a lot: only that part number's lot of this name (null: every part's)
    part_number        text,
    reason             text        not null,
    -- who: the API token's id (token-<first 8 hex digits of its SHA-256>, or "anonymous" with
    -- auth off) and the name the caller gave, if any
    held_by            text        not null,
    held_by_name       text,
    held_at            timestamptz not null default now(),
    released_by        text,
    released_by_name   text,
    released_at        timestamptz,
    release_reason     text
);
create index hold_active on hold (value, kind) where released_at is null;
create index hold_held_at on hold (held_at);
