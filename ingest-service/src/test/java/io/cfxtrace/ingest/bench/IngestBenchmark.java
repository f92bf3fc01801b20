package io.cfxtrace.ingest.bench;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.ingest.IngestApplication;
import io.cfxtrace.ingest.IngestEndpoint;
import io.cfxtrace.ingest.normalize.CfxNormalizer;
import io.cfxtrace.ingest.normalize.StoredEnvelope;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.rebuild.Rebuild;
import io.cfxtrace.ingest.store.CopyBuffer;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.CfxEnvelope;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micronaut.context.ApplicationContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * sustained end-to-end ingest (AMQP listener to committed rows) of a realistic line mix, against
 * (a) a plain COPY of the same rows into the same tables (the limit) and (b) one INSERT per row
 * with autocommit (the naive writer), in one run. Prints messages/s, rows/s, p50/p99
 * receive-to-commit latency, heap and RSS.
 *
 * <p>Run: {@code mvn -B -ntp -pl ingest-service -am -Pbench verify -DskipTests -Dbench.args="300 20"}
 * (panels for the end-to-end and COPY runs, panels for the naive run). The database is the test
 * database: embedded PostgreSQL, or {@code CFX_TEST_JDBC_URL} (for example a TimescaleDB).
 */
@SuppressForbidden
public final class IngestBenchmark {

  private IngestBenchmark() {}

  /**
   * runs the benchmark.
   *
   * @param args panels for the end-to-end and COPY runs (default 300), panels for the naive run
   *     (default 20).
   * @throws Exception if a run fails.
   */
  public static void main(String[] args) throws Exception {
    int panels = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int naivePanels = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Map<String, List<CfxEnvelope>> mix = LineMix.generate(panels, 42);
    long messages = mix.values().stream().mapToLong(List::size).sum();
    System.out.printf(Locale.ROOT, "line mix: %d panels x 4 boards, %d stations, %d messages; database: %s%n",
        panels, LineMix.STATIONS.length, messages, TestDatabase.serverKind());

    Result e2e = endToEnd(mix, messages, 1);
    Result copy = direct(mix, false);
    Result naive = direct(LineMix.generate(naivePanels, 42), true);
    Result two = endToEnd(mix, messages, 2);

    System.out.println();
    System.out.println("Ingest benchmark (rows/s ratios: end-to-end / baseline, same run)");
    System.out.printf(Locale.ROOT, "%-34s %9s %9s %8s %11s %10s %8s %8s%n", "run", "messages", "rows", "seconds", "messages/s", "rows/s", "p50 ms", "p99 ms");
    for (Result r : List.of(e2e, copy, naive, two)) {
      System.out.printf(Locale.ROOT, "%-34s %9d %9d %8.2f %11.0f %10.0f %8s %8s%n", r.name, r.messages, r.rows, r.seconds, r.messages / r.seconds, r.rows / r.seconds,
          r.p50 < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.p50), r.p99 < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.p99));
    }
    double vsCopy = (e2e.rows / e2e.seconds) / (copy.rows / copy.seconds);
    double vsNaive = (e2e.rows / e2e.seconds) / (naive.rows / naive.seconds);
    System.out.printf(Locale.ROOT, "end-to-end / COPY limit: %.2f (target >= 0.5)%n", vsCopy);
    System.out.printf(Locale.ROOT, "end-to-end / naive INSERT: %.1f (target >= 10)%n", vsNaive);
    System.out.printf(Locale.ROOT, "two ingest instances on one store / one instance: %.2f (rows/s %.0f vs %.0f)%n",
        (two.rows / two.seconds) / (e2e.rows / e2e.seconds), two.rows / two.seconds, e2e.rows / e2e.seconds);
    System.out.printf(Locale.ROOT, "JVM (service and simulated machines in one process): heap used max %d MiB, RSS %s%n", e2e.maxHeapMb, rss());
    // ./cfx rebuild of the store the end-to-end run filled, against that run's rate
    long rebuildStart = System.nanoTime();
    Rebuild.Result rebuilt = new Rebuild(e2e.db.dataSource(), java.time.ZoneOffset.UTC, 500).run(new Rebuild.Progress() {
      @Override
      public void start(long total, long done) {}

      @Override
      public void step(long done) {}
    }, true);
    double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
    System.out.printf(Locale.ROOT, "rebuild of the end-to-end store from raw_message: %d envelopes, %d rows, %.2f s, %.0f envelopes/s;"
        + " rebuild / live end-to-end: %.2f%n", rebuilt.envelopes(), rows(e2e.db), rebuildSeconds, rebuilt.envelopes() / rebuildSeconds,
        (rebuilt.envelopes() / rebuildSeconds) / (e2e.messages / e2e.seconds));
  }

  private static final class Result {
    TestDatabase db;
    String name;
    long messages;
    long rows;
    double seconds;
    double p50 = -1;
    double p99 = -1;
    long maxHeapMb;
  }

  /**
   * the mix published over AMQP to {@code instances} ingest services on one store, the stations
   * spread over their listeners (machines of one line connected to different instances).
   */
  private static Result endToEnd(Map<String, List<CfxEnvelope>> mix, long messages, int instances) throws Exception {
    TestDatabase db = TestDatabase.create();
    List<ApplicationContext> services = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      Map<String, Object> props = new HashMap<>(db.properties());
      props.put("micronaut.server.port", -1);
      props.put("cfx.ingest.listeners.line.host", "127.0.0.1");
      props.put("cfx.ingest.listeners.line.port", 0);
      services.add(IngestApplication.start(new String[0], props));
    }
    ApplicationContext service = services.get(0);
    CfxEndpoint machines = CfxEndpoint.start(EndpointIdentity.of("Bench.Machines", null), CfxEndpoint.Options.defaults());
    Path spools = Files.createTempDirectory("cfx-bench-spool");
    AtomicLong maxHeap = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        maxHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(100); // sampling interval of a measurement, not a synchronisation
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    try {
      Map<String, Publisher> publishers = new HashMap<>();
      int next = 0;
      for (String station : mix.keySet()) {
        int port = services.get(next++ % instances).getBean(IngestEndpoint.class).listeners().get("line").port();
        publishers.put(station, machines.publisher(new PublisherConfig(station, AmqpUri.parse("amqp://127.0.0.1:" + port + "/cfx"), "cfx", null, null, true,
            spools.resolve(station), SpoolOptions.defaults().withFsync(SpoolOptions.Fsync.FSYNC_NONE), 64, Duration.ZERO, ReconnectPolicy.defaults())));
      }
      sampler.start();
      long t0 = System.nanoTime();
      List<Thread> threads = new ArrayList<>();
      List<CompletableFuture<Void>> acks = java.util.Collections.synchronizedList(new ArrayList<>());
      for (Map.Entry<String, List<CfxEnvelope>> s : mix.entrySet()) {
        Thread t = new Thread(() -> s.getValue().forEach(e -> acks.add(publishers.get(s.getKey()).publish(e).toCompletableFuture())), "machine-" + s.getKey());
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join();
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Result r = new Result();
      r.name = instances == 1 ? "end-to-end (AMQP listener -> commit)" : "end-to-end, " + instances + " ingest instances";
      r.db = db;
      r.messages = messages;
      r.rows = rows(db);
      r.seconds = seconds;
      IngestPipeline pipeline = service.getBean(IngestPipeline.class); // the first instance's latencies
      for (ValueAtPercentile v : pipeline.metrics().receiveToCommit().takeSnapshot().percentileValues()) {
        if (v.percentile() == 0.5) {
          r.p50 = v.value(TimeUnit.MILLISECONDS);
        } else if (v.percentile() == 0.99) {
          r.p99 = v.value(TimeUnit.MILLISECONDS);
        }
      }
      r.maxHeapMb = maxHeap.get() / (1024 * 1024);
      return r;
    } finally {
      sampler.interrupt();
      machines.close();
      services.forEach(ApplicationContext::close);
    }
  }

  /** the same rows, built without AMQP (not timed) and written directly (timed). */
  private static Result direct(Map<String, List<CfxEnvelope>> mix, boolean naive) throws Exception {
    TestDatabase db = TestDatabase.migrated();
    List<CfxEnvelope> ordered = new ArrayList<>();
    int n = mix.values().iterator().next().size();
    for (int i = 0; i < n; i += 5) {
      for (List<CfxEnvelope> station : mix.values()) {
        ordered.addAll(station.subList(i, Math.min(i + 5, station.size())));
      }
    }
    CfxNormalizer normalizer = new CfxNormalizer();
    List<StoreBatch> batches = new ArrayList<>();
    List<CopyBuffer> keys = new ArrayList<>();
    long messages = 0;
    try (Connection c = db.connect()) {
      // every batch prepared ahead of the first write: each continues the states the batches
      // before it left, as the pipeline's batch prepared ahead does
      normalizer.begin(c, false);
      for (int i = 0; i < ordered.size(); i += 500) {
        // the naive writer inserts the rows one by one: they are kept as objects for it
        StoreBatch batch = naive ? new StoreBatch().keepRowsAfterEncoding() : new StoreBatch();
        CopyBuffer key = new CopyBuffer("envelope_key", List.of("unique_id", "received_at"));
        if (naive) {
          key.keepRowsAfterEncoding();
        }
        InboundMessage m = TestMessages.of(ordered.subList(i, Math.min(i + 500, ordered.size())).toArray(CfxEnvelope[]::new));
        List<Map.Entry<InboundMessage.Envelope, StoredEnvelope>> stored = new ArrayList<>();
        for (InboundMessage.Envelope e : m.envelopes()) {
          stored.add(Map.entry(e, new StoredEnvelope(StoredEnvelope.keyOf(e.envelope().uniqueId(), e::json), e.envelope(),
              StoredEnvelope.eventTimeOf(e.envelope(), ZoneOffset.UTC, m.origin().receivedAt()), m.origin().receivedAt())));
        }
        stored.sort(Map.Entry.comparingByValue(StoredEnvelope.SCOPE_ORDER));
        normalizer.prepare(stored.stream().map(Map.Entry::getValue).toList());
        for (Map.Entry<InboundMessage.Envelope, StoredEnvelope> e : stored) {
          StoredEnvelope s = e.getValue();
          key.add(s.uniqueId(), s.receivedAt());
          IngestPipeline.rawRow(batch, m.origin(), e.getKey(), s);
          normalizer.normalize(s, batch);
          messages++;
        }
        normalizer.complete(batch);
        batches.add(batch);
        keys.add(key);
      }
    }
    long rows = 0;
    long t0 = System.nanoTime();
    try (Connection c = db.connect()) {
      c.setAutoCommit(naive);
      for (int i = 0; i < batches.size(); i++) {
        if (naive) {
          rows += keys.get(i).insertEach(c);
          rows += batches.get(i).insertEachTo(c);
        } else {
          rows += keys.get(i).copyTo(c);
          rows += batches.get(i).writeTo(c);
          c.commit();
        }
      }
    }
    Result r = new Result();
    r.name = naive ? "naive: one INSERT per row, autocommit" : "limit: plain COPY of the same rows";
    r.messages = messages;
    r.rows = rows;
    r.seconds = (System.nanoTime() - t0) / 1e9;
    return r;
  }

  private static long rows(TestDatabase db) throws Exception {
    long total = 0;
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String t : List.of("envelope_key", "raw_message", "dead_letter", "unit_event", "unit_alias", "unit_edge", "transaction_unit", "material_setup",
          "material_event", "material_package", "unit_material", "unit_check", "measurement", "defect", "process_value", "unit_characteristic",
          "operator_session", "station_event", "transaction_scope")) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + t)) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }

  private static String rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return line.substring(6).trim();
        }
      }
    } catch (java.io.IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown";
  }
}
