package io.cfxtrace.ingest.normalize;

import io.cfxtrace.endpoint.AmqpProperties;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.MessageOrigin;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.ingest.store.StoreValues;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * a CFX payload the way the ingest pipeline takes it, up to the rows of one batch, in memory: the
 * real codec, each envelope's store key and event time ({@link StoredEnvelope}), its raw-log row
 * ({@link IngestPipeline#rawRow}), then the rows of its message through the normaliser's table of
 * projectors ({@link Projections}) with a {@link UnitResolver} over in-memory transactions and the
 * batch's {@link MaterialPackages}; the envelopes of one payload in scope order, sharing their
 * transactions as one batch does; finally the rows encoded for COPY. A {@link StoreValues.Refused}
 * is handled as the pipeline handles it (the envelope, or its rows, become a dead letter); anything
 * else is thrown. What is left out is the database: {@link CfxNormalizer} keeps the transaction
 * scopes there.
 */
final class InMemoryNormalization {

  static final ZoneOffset ZONELESS = ZoneOffset.UTC;
  private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");
  private static final MessageOrigin ORIGIN =
      new MessageOrigin("fuzz", "c0", "127.0.0.1:1", "Fuzz.Machine", null, "cfx", AmqpProperties.NONE, RECEIVED);

  private InMemoryNormalization() {}

  /** the outcome: the batch's rows, and how many envelopes or messages were refused. */
  record Result(StoreBatch rows, int refusedEnvelopes, int refusedMessages) {}

  /**
   * normalises a payload.
   *
   * @param codec the codec.
   * @param payload the AMQP body: JSON, gzip, a batch.
   * @return the rows.
   * @throws SQLException never: the transactions are in memory.
   */
  static Result normalise(CfxCodec codec, byte[] payload) throws SQLException {
    List<StoredEnvelope> batch = new ArrayList<>();
    Map<UUID, InboundMessage.Envelope> envelopes = new HashMap<>();
    for (DecodeOutcome o : codec.decode(payload)) {
      if (o instanceof DecodeOutcome.Decoded d) {
        InboundMessage.Envelope e = new InboundMessage.Envelope(d.index(), d.envelope(), d.raw(), d.typed(), d.json());
        UUID key = StoredEnvelope.keyOf(d.envelope().uniqueId(), e::json);
        if (envelopes.putIfAbsent(key, e) == null) { // a resend within the batch is stored once
          batch.add(new StoredEnvelope(key, d.envelope(), StoredEnvelope.eventTimeOf(d.envelope(), ZONELESS, RECEIVED), RECEIVED));
        }
      }
    }
    batch.sort(StoredEnvelope.SCOPE_ORDER);

    Map<String, UnitResolver.Tx> transactions = new HashMap<>();
    UnitResolver units = new UnitResolver(id -> transactions.computeIfAbsent(id, UnitResolver.Tx::new));
    MaterialPackages packages = new MaterialPackages(ZONELESS);
    Projections projections = new Projections(units, packages, ZONELESS);
    StoreBatch rows = new StoreBatch().keepRowsAfterEncoding(); // the tests read the rows
    int refusedEnvelopes = 0;
    int refusedMessages = 0;
    for (StoredEnvelope e : batch) {
      StoreBatch.Mark before = rows.mark();
      try {
        IngestPipeline.rawRow(rows, ORIGIN, envelopes.get(e.uniqueId()), e);
      } catch (StoreValues.Refused refused) {
        rows.reset(before); // the pipeline keeps the envelope as a dead letter and goes on
        refusedEnvelopes++;
        continue;
      }
      StoreBatch.Mark raw = rows.mark();
      units.startMessage();
      try {
        projections.project(e, rows);
      } catch (StoreValues.Refused refused) {
        rows.reset(raw); // a dead letter naming the field; the raw row stays
        refusedMessages++;
      }
    }
    packages.complete();
    rows.encode();
    return new Result(rows, refusedEnvelopes, refusedMessages);
  }
}
