-- The query service's live feed (GET /api/events/stream) tails raw_message and needs a key that
-- grows in the order envelopes are stored, to resume after an id (SSE Last-Event-ID): received_at
-- is the endpoint's receive time, and a batch retried after a database outage is stored long after
-- later-received ones. feed_seq numbers rows as they are inserted.
--
-- Added in three steps so that an installed store with many rows is not rewritten: a column
-- without a default is only a catalogue change (also on compressed TimescaleDB hypertables), and a
-- default set afterwards applies to new rows only. Rows stored before this migration keep a null
-- feed_seq: the feed only serves what arrives from now on. The COPY of the ingest writer names its
-- columns, so new rows get the default.
create sequence raw_message_feed_seq as bigint;
alter table raw_message add column feed_seq bigint;
alter table raw_message alter column feed_seq set default nextval('raw_message_feed_seq');
-- the feed reads "feed_seq > last id order by feed_seq"; older rows (null) stay out of the index
create index raw_message_by_feed_seq on raw_message (feed_seq) where feed_seq is not null;
alter sequence raw_message_feed_seq owned by raw_message.feed_seq;
