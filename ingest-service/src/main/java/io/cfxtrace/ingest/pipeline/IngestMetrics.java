package io.cfxtrace.ingest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * the ingest service's meters (Prometheus at /prometheus): envelopes received, stored,
 * duplicates, dead letters; batch sizes; commit latency; receive-to-commit latency; lag from
 * envelope TimeStamp to commit.
 */
public final class IngestMetrics {

  final Counter received;
  final Counter stored;
  final Counter duplicates;
  final Counter deadLetters;
  final Counter retries;
  final DistributionSummary batchSize;
  final Timer commitLatency;
  final Timer lag;
  final Timer receiveToCommit;

  /**
   * registers the meters.
   *
   * @param registry the registry.
   * @param queueDepth the hand-over queue's current depth.
   */
  public IngestMetrics(MeterRegistry registry, Supplier<Number> queueDepth) {
    received = Counter.builder("cfx.ingest.envelopes.received").description("envelopes received (before de-duplication)").register(registry);
    stored = Counter.builder("cfx.ingest.envelopes.stored").description("envelopes committed for the first time").register(registry);
    duplicates = Counter.builder("cfx.ingest.envelopes.duplicate").description("envelopes already stored (same UniqueID)").register(registry);
    deadLetters = Counter.builder("cfx.ingest.dead.letters").description("payloads kept as dead letters").register(registry);
    retries = Counter.builder("cfx.ingest.batch.retries").description("batch writes retried after a database failure").register(registry);
    batchSize = DistributionSummary.builder("cfx.ingest.batch.size").description("AMQP messages per committed batch").register(registry);
    commitLatency = Timer.builder("cfx.ingest.commit.latency").description("time to write and commit one batch").publishPercentiles(0.5, 0.99).register(registry);
    receiveToCommit =
        Timer.builder("cfx.ingest.receive.to.commit").description("last byte received to commit, per AMQP message").publishPercentiles(0.5, 0.99).register(registry);
    lag = Timer.builder("cfx.ingest.lag").description("envelope TimeStamp to commit").publishPercentiles(0.5, 0.99).register(registry);
    registry.gauge("cfx.ingest.queue.depth", queueDepth, s -> s.get().doubleValue());
  }

  /** the receive-to-commit timer, for benchmarks. */
  public Timer receiveToCommit() {
    return receiveToCommit;
  }

  void lag(Duration d) {
    if (!d.isNegative()) {
      lag.record(d);
    }
  }
}
