-- Where-used of a reel (query-service WhereUsedQuery) finds the work transactions at the reel's
-- stations while it was set up: every unit event with a transaction at those stations within
-- the setup's time (and the longest transaction before and after). With (station, event_time)
-- alone that scan visits a heap row per event, hundreds of thousands for a reel on 10,000
-- boards; this partial index also carries the transaction and the event type, so the scan and
-- the per-transaction windows are answered from the index alone (index-only scan).
create index unit_event_station_tx on unit_event (station, event_time) include (transaction_id, event_type)
    where transaction_id is not null;
