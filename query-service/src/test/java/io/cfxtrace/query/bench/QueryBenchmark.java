package io.cfxtrace.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.ingest.normalize.CfxNormalizer;
import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.store.EmbeddedDatabase;
import io.cfxtrace.ingest.testing.TestMessages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * birth certificate of one unit and where-used of one reel, over HTTP against the running query
 * service, on a store filled through the normal write path ({@link IngestPipeline}: the
 * normaliser and COPY batches) with a seeded line ({@link BenchLine}); against the same questions
 * answered by scanning the raw message log ({@code raw_message}) in the same run, as a system that
 * only keeps the envelopes would have to.
 *
 * <p>Run: {@code mvn -B -ntp -pl query-service -am -Pbench verify -DskipTests
 * -Dbench.args="events=10000000 reelBoards=10000 samples=200"}. Arguments ({@code key=value}):
 *
 * <ul>
 *   <li>{@code events} unit_event rows to fill (at least; whole panels), default 10,000,000;
 *   <li>{@code reelBoards} boards the big reel feeds, default 10,000;
 *   <li>{@code boards} boards per panel, default 8; {@code seed}, default 42;
 *   <li>{@code samples} birth certificates measured (after {@code warmup}, default 2,000: the
 *       service in the benchmark's JVM starts just before, and until the JIT has compiled its
 *       paths a certificate takes two to three times as long), default
 *       200; {@code reelSamples} where-used calls measured (after {@code reelWarmup}, default 20),
 *       default 50;
 *   <li>{@code baselineSamples} raw-log answers of each question, default 3;
 *   <li>{@code sharedBuffersMb} the embedded PostgreSQL's {@code shared_buffers} in MB, default 40%
 *       of the machine's memory (a dedicated database server's setting), 0 for PostgreSQL's default;
 *       {@code prewarm} ({@code true}) loads the store into those buffers (pg_prewarm) before
 *       measuring;
 *   <li>{@code data} the embedded PostgreSQL's data directory, kept between runs (default
 *       {@code target/query-bench-store}), or {@code jdbc} a JDBC URL of a server (default the
 *       environment variable {@code CFX_TEST_JDBC_URL}) on which the benchmark creates its own
 *       database.
 * </ul>
 *
 * <p>Each scale has its own database ({@code qbench_e<events>_r<reelBoards>_b<boards>_s<seed>}); a
 * database whose fill completed (recorded in its table {@code query_bench_scale}) is reused
 * without filling, one whose fill did not complete is dropped and filled again.
 */
@SuppressForbidden
public final class QueryBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TABLES = List.of("envelope_key", "raw_message", "dead_letter", "unit_event", "unit_alias", "unit_edge",
      "transaction_unit", "material_setup", "material_event", "unit_material", "unit_check", "measurement", "defect", "process_value",
      "unit_characteristic", "operator_session", "station_event");

  private QueryBenchmark() {}

  /** the arguments, checked. */
  record Options(long events, int reelBoards, int boards, long seed, int samples, int warmup, int reelSamples, int baselineSamples,
      Path data, String jdbc, long sharedBuffersMb, boolean prewarm, int reelWarmup) {

    static final Set<String> KEYS = Set.of("events", "reelBoards", "boards", "seed", "samples", "warmup", "reelSamples", "baselineSamples", "data", "jdbc",
        "sharedBuffersMb", "prewarm", "reelWarmup");

    static Options parse(String[] args) {
      Map<String, String> a = BenchArguments.parse(args, KEYS);
      String env = System.getenv("CFX_TEST_JDBC_URL");
      return new Options(number(a, "events", 10_000_000L, 1), (int) number(a, "reelBoards", 10_000, 1), (int) number(a, "boards", 8, 2),
          number(a, "seed", 42, Long.MIN_VALUE), (int) number(a, "samples", 200, 1), (int) number(a, "warmup", 2000, 0),
          (int) number(a, "reelSamples", 50, 1), (int) number(a, "baselineSamples", 3, 1), Path.of(a.getOrDefault("data", "target/query-bench-store")),
          a.getOrDefault("jdbc", env == null || env.isBlank() ? null : env), number(a, "sharedBuffersMb", dedicatedServerBuffersMb(), 0),
          bool(a, "prewarm", true), (int) number(a, "reelWarmup", 20, 0));
    }

    /** 40% of the machine's memory, as PostgreSQL's tuning advice gives a dedicated database server (25-40%). */
    private static long dedicatedServerBuffersMb() {
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      return os.getTotalMemorySize() * 4 / 10 / (1024 * 1024);
    }

    private static boolean bool(Map<String, String> a, String key, boolean fallback) {
      String v = a.get(key);
      if (v == null) {
        return fallback;
      }
      if (!v.equals("true") && !v.equals("false")) {
        throw new IllegalArgumentException("benchmark argument " + key + "=" + v + " must be true or false");
      }
      return Boolean.parseBoolean(v);
    }

    private static long number(Map<String, String> a, String key, long fallback, long min) {
      String v = a.get(key);
      if (v == null) {
        return fallback;
      }
      try {
        long n = Long.parseLong(v.replace("_", ""));
        if (n < min) {
          throw new IllegalArgumentException("benchmark argument " + key + "=" + v + " must be at least " + min);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("benchmark argument " + key + "=" + v + " is not a whole number", e);
      }
    }

    String database() {
      return "qbench_e" + events + "_r" + reelBoards + "_b" + boards + "_s" + (seed < 0 ? "m" + -seed : String.valueOf(seed));
    }
  }

  /**
   * runs the benchmark.
   *
   * @param args {@code key=value} arguments, see the class comment.
   * @throws Exception if a step fails.
   */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    int panels = (int) Math.min(Integer.MAX_VALUE, (o.events() + (long) BenchLine.EVENTS_PER_BOARD * o.boards() - 1) / ((long) BenchLine.EVENTS_PER_BOARD * o.boards()));
    BenchLine line = new BenchLine(panels, o.boards(), o.reelBoards(), o.seed());
    EmbeddedDatabase embedded = null;
    String adminUrl;
    String server;
    if (o.jdbc() != null) {
      adminUrl = o.jdbc();
      server = "server " + o.jdbc().replaceAll("password=[^&]*", "password=***");
    } else {
      // 0: PostgreSQL's own default (128MB), which leaves the store to the operating system's cache
      embedded = EmbeddedDatabase.start(o.data(), 0, false, true,
          o.sharedBuffersMb() == 0 ? Map.of() : Map.of("shared_buffers", o.sharedBuffersMb() + "MB"));
      adminUrl = embedded.jdbcUrl();
      server = "embedded PostgreSQL 15 (zonky, synchronous_commit=off), data in " + embedded.dataDirectory();
    }
    try {
      String url = withDatabase(adminUrl, o.database());
      System.out.printf(Locale.ROOT, "query benchmark: %d panels x %d boards, %d stations, big reel %s on %d boards; database %s on %s%n", panels,
          o.boards(), BenchLine.STATIONS.length, BenchLine.BIG_REEL, line.bigReelPanels() * o.boards(), o.database(), server);
      Fill fill = prepare(adminUrl, url, o, line);
      DataSource ds = dataSource(url);
      Map<String, Long> counts = counts(ds);
      long unitEvents = counts.get("unit_event");
      long raw = counts.get("raw_message");
      long total = counts.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf(Locale.ROOT, "store: %,d unit_event rows, %,d raw messages (envelopes), %,d rows in all %d tables%n", unitEvents, raw, total,
          TABLES.size());
      System.out.printf(Locale.ROOT, "fill (IngestPipeline, %s): %,d messages in %.0f s = %.0f messages/s, %.0f unit events/s%s%n",
          fill.fresh() ? "this run" : "an earlier run", fill.messages(), fill.seconds(), fill.messages() / fill.seconds(), unitEvents / fill.seconds(),
          fill.fresh() ? "" : " (store reused)");
      sizes(ds);
      vacuum(ds);
      if (o.prewarm()) {
        prewarm(ds);
      }
      run(o, line, url, ds);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  // ---- the store

  /** how the store was filled. */
  record Fill(long messages, double seconds, boolean fresh) {}

  private static Fill prepare(String adminUrl, String url, Options o, BenchLine line) throws Exception {
    boolean exists;
    try (Connection c = DriverManager.getConnection(adminUrl); PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      ps.setString(1, o.database());
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
      if (exists) {
        Fill done = completedFill(url);
        if (done != null) {
          // a new migration (an index) reaches a reused store too
          migrate(url);
          return done;
        }
        System.out.println("database " + o.database() + " holds an incomplete fill: dropping it and filling again");
        try (Statement st = c.createStatement()) {
          st.execute("drop database " + o.database());
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("create database " + o.database());
      }
    }
    migrate(url);
    return fill(url, o, line);
  }

  /**
   * brings the store to the newest migrations. Out of order for the benchmark's own stores only
   * (the services keep Flyway's default): a store filled before a lower-numbered migration was
   * merged (V4 and V5 came after V6 had been applied to a kept 10M-event store) gets it applied
   * instead of refusing to start, and the time it took is printed, since an installed store
   * would take as long.
   */
  private static void migrate(String url) {
    long t = System.nanoTime();
    var result = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").outOfOrder(true).load().migrate();
    if (result.migrationsExecuted > 0) {
      System.out.printf(Locale.ROOT, "migrated the store: %s in %.1f s%n",
          result.migrations.stream().map(m -> "V" + m.version + " (" + m.executionTime + " ms)").toList(), (System.nanoTime() - t) / 1e9);
    }
  }

  private static Fill completedFill(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("select to_regclass('query_bench_scale') is not null")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return null;
        }
      }
      try (ResultSet rs = st.executeQuery("select messages, fill_seconds from query_bench_scale")) {
        return rs.next() ? new Fill(rs.getLong(1), rs.getDouble(2), false) : null;
      }
    }
  }

  /** every envelope of the line through the ingest pipeline, up to 10,000 messages in flight. */
  private static Fill fill(String url, Options o, BenchLine line) throws Exception {
    DataSource ds = dataSource(url);
    Semaphore inFlight = new Semaphore(10_000);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong sent = new AtomicLong();
    long expected = (long) line.panels() * BenchLine.MESSAGES_PER_PANEL;
    long t0 = System.nanoTime();
    long[] lastReport = {t0};
    try (IngestPipeline pipeline = new IngestPipeline(ds, new CfxNormalizer(), depth -> new IngestMetrics(new SimpleMeterRegistry(), depth),
        ZoneOffset.UTC, 20_000, 500, Duration.ofMillis(5), Duration.ofSeconds(1))) {
      line.generate(e -> {
        if (failure.get() != null) {
          throw new IllegalStateException("storing failed: " + failure.get(), failure.get());
        }
        inFlight.acquireUninterruptibly();
        pipeline.store(TestMessages.of(e)).whenComplete((v, x) -> {
          if (x != null) {
            failure.compareAndSet(null, x);
          }
          inFlight.release();
        });
        long n = sent.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastReport[0] > TimeUnit.SECONDS.toNanos(30)) {
          lastReport[0] = now;
          double s = (now - t0) / 1e9;
          System.out.printf(Locale.ROOT, "  filled %,d of ~%,d messages in %.0f s (%.0f/s), about %.0f s to go%n", n, expected, s, n / s,
              (expected - n) / (n / s));
        }
      });
      inFlight.acquireUninterruptibly(10_000);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("storing failed: " + failure.get(), failure.get());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("analyze");
      st.execute("create table query_bench_scale (events bigint, reel_boards int, boards int, seed bigint, panels int, messages bigint,"
          + " fill_seconds double precision, filled_at timestamptz default now())");
      try (PreparedStatement ps = c.prepareStatement("insert into query_bench_scale (events, reel_boards, boards, seed, panels, messages, fill_seconds)"
          + " values (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, o.events());
        ps.setInt(2, o.reelBoards());
        ps.setInt(3, o.boards());
        ps.setLong(4, o.seed());
        ps.setInt(5, line.panels());
        ps.setLong(6, sent.get());
        ps.setDouble(7, seconds);
        ps.executeUpdate();
      }
    }
    return new Fill(sent.get(), seconds, true);
  }

  private static DataSource dataSource(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    return ds;
  }

  private static String withDatabase(String url, String database) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + query;
  }

  private static Map<String, Long> counts(DataSource ds) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String t : TABLES) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + t)) {
          rs.next();
          counts.put(t, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  private static void sizes(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      StringBuilder line = new StringBuilder("size (pg_total_relation_size, with indexes):");
      for (String t : List.of("raw_message", "unit_event", "unit_material", "measurement", "process_value", "transaction_unit", "unit_alias")) {
        try (ResultSet rs = s.executeQuery("select pg_total_relation_size('" + t + "')")) {
          rs.next();
          line.append(String.format(Locale.ROOT, " %s %.0f MB,", t, rs.getLong(1) / 1e6));
        }
      }
      try (ResultSet rs = s.executeQuery("select pg_database_size(current_database())")) {
        rs.next();
        line.append(String.format(Locale.ROOT, " whole database %.2f GB", rs.getLong(1) / 1e9));
      }
      System.out.println(line);
    }
  }

  /**
   * what autovacuum does to a store in service (PostgreSQL 13+ also vacuums insert-only tables):
   * sets the visibility map, so that index-only scans skip the heap, and refreshes statistics.
   */
  private static void vacuum(DataSource ds) throws SQLException {
    long t = System.nanoTime();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("vacuum (analyze)");
    }
    System.out.printf(Locale.ROOT, "vacuum (analyze) before measuring, as autovacuum would: %.0f s%n", (System.nanoTime() - t) / 1e9);
  }

  /**
   * loads the store's tables and indexes into PostgreSQL's buffers (pg_prewarm), as a database
   * server that has been answering for a while holds its working set: the measured boards are
   * drawn at random from 285,720, so without it nearly every certificate reads its rows from the
   * operating system's cache or, where the machine reclaimed that, from disk. Says so and goes on
   * when the extension is not available.
   */
  private static void prewarm(DataSource ds) {
    long t = System.nanoTime();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("create extension if not exists pg_prewarm");
      String buffers;
      try (ResultSet rs = s.executeQuery("show shared_buffers")) {
        rs.next();
        buffers = rs.getString(1);
      }
      try (ResultSet rs = s.executeQuery("select sum(pg_prewarm(c.oid)) * current_setting('block_size')::bigint from pg_class c"
          + " join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'i', 't') and n.nspname not in ('pg_catalog', 'information_schema')")) {
        rs.next();
        System.out.printf(Locale.ROOT, "prewarm: %.1f GB of the store's tables and indexes read into shared_buffers (%s) in %.0f s%n", rs.getLong(1) / 1e9, buffers,
            (System.nanoTime() - t) / 1e9);
      }
    } catch (SQLException e) {
      System.out.println("prewarm skipped (" + e.getMessage().strip() + "): the store is read from the operating system's cache or disk");
    }
  }

  // ---- the measurement

  private static void run(Options o, BenchLine line, String url, DataSource ds) throws Exception {
    SplittableRandom random = new SplittableRandom(o.seed() + 7);
    Supplier<String> anyUnit = () -> BenchLine.serial(random.nextInt(line.panels()), 1 + random.nextInt(line.boards()));
    int bigFirst = line.bigReelFirstPanel();
    int bigBoards = line.bigReelPanels() * line.boards();

    try (Service service = Service.start(url)) {
      // sanity: the answers are the ones the line implies
      JsonNode certificate = service.json("/api/units/" + encode(BenchLine.serial(bigFirst, 1)));
      JsonNode used = service.json("/api/materials/" + encode(BenchLine.BIG_REEL) + "/units");
      Set<String> exactUnits = new HashSet<>();
      int inferred = 0;
      for (JsonNode u : used.path("units")) {
        if ("exact".equals(u.path("link").asText())) {
          exactUnits.add(u.path("unit").asText());
        } else {
          inferred++;
        }
      }
      System.out.printf(Locale.ROOT, "sanity: a birth certificate has %d route steps, %d material links, %d checks; where-used of %s: %d units (exact), %d inferred"
          + " links beyond them (the line implies %d boards)%n", certificate.path("route").size(), certificate.path("materials").size(),
          certificate.path("checks").size(), BenchLine.BIG_REEL, exactUnits.size(), inferred, bigBoards);
      if (exactUnits.size() != bigBoards || certificate.path("route").size() != BenchLine.EVENTS_PER_BOARD) {
        throw new IllegalStateException("the store does not answer what the line implies: " + exactUnits.size() + " units for the big reel (expected "
            + bigBoards + "), " + certificate.path("route").size() + " route steps (expected " + BenchLine.EVENTS_PER_BOARD + ")");
      }

      double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      for (int i = 0; i < o.warmup(); i++) {
        service.time("/api/units/" + encode(anyUnit.get()));
      }
      long[] birth = new long[o.samples()];
      for (int i = 0; i < birth.length; i++) {
        birth[i] = service.time("/api/units/" + encode(anyUnit.get()));
      }
      for (int i = 0; i < o.reelWarmup(); i++) {
        service.time("/api/materials/" + encode(BenchLine.BIG_REEL) + "/units");
      }
      long[] where = new long[o.reelSamples()];
      for (int i = 0; i < where.length; i++) {
        where[i] = service.time("/api/materials/" + encode(BenchLine.BIG_REEL) + "/units");
      }

      RawLog rawLog = new RawLog(ds);
      long[] rawBirth = new long[o.baselineSamples()];
      int rawMessages = 0;
      for (int i = 0; i < rawBirth.length; i++) {
        long t = System.nanoTime();
        rawMessages = rawLog.birthCertificate(anyUnit.get()).size();
        rawBirth[i] = System.nanoTime() - t;
      }
      long[] rawWhere = new long[o.baselineSamples()];
      Set<String> rawUnits = Set.of();
      for (int i = 0; i < rawWhere.length; i++) {
        long t = System.nanoTime();
        rawUnits = rawLog.whereUsed(BenchLine.BIG_REEL);
        rawWhere[i] = System.nanoTime() - t;
      }
      if (!rawUnits.equals(exactUnits)) {
        throw new IllegalStateException("the raw-log scan found " + rawUnits.size() + " units of the big reel, the service " + exactUnits.size());
      }

      double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      System.out.println();
      System.out.printf(Locale.ROOT, "machine: %d processors, 1-minute load average %.1f when measuring began, %.1f when it ended%n",
          Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
      System.out.println("Query benchmark (latency over HTTP, ms; ratio = raw-log scan / query service, same run)");
      System.out.printf(Locale.ROOT, "%-58s %7s %9s %9s %9s%n", "question", "samples", "p50 ms", "p99 ms", "max ms");
      row("birth certificate, query service", birth);
      row("birth certificate, raw-log scan (" + rawMessages + " messages)", rawBirth);
      row("where-used of the big reel (" + exactUnits.size() + " units), query service", where);
      row("where-used of the big reel, raw-log scan", rawWhere);
      System.out.printf(Locale.ROOT, "birth certificate: raw-log p50 / service p50 = %.0f; service p99 %.1f ms (target < 20 ms): %s%n",
          pct(rawBirth, 50) / pct(birth, 50), ms(pct(birth, 99)), ms(pct(birth, 99)) < 20 ? "met" : "NOT met");
      System.out.printf(Locale.ROOT, "where-used (%d boards): raw-log p50 / service p50 = %.0f; service p99 %.1f ms (target < 200 ms): %s%n",
          exactUnits.size(), pct(rawWhere, 50) / pct(where, 50), ms(pct(where, 99)), ms(pct(where, 99)) < 200 ? "met" : "NOT met");
      if (exactUnits.size() < 10_000) {
        System.out.println("note: the big reel fed fewer than 10,000 boards at this scale; the where-used target is for 10,000");
      }
    }
  }

  private static void row(String name, long[] nanos) {
    System.out.printf(Locale.ROOT, "%-58s %7d %9.1f %9.1f %9.1f%n", name, nanos.length, ms(pct(nanos, 50)), ms(pct(nanos, 99)),
        ms(Arrays.stream(nanos).max().orElse(0)));
  }

  /** the nearest-rank percentile. */
  static double pct(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** the query service over the store, on a random port, called over HTTP. */
  private static final class Service implements AutoCloseable {
    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Service(EmbeddedServer server) {
      this.server = server;
    }

    static Service start(String url) {
      Map<String, Object> p = new HashMap<>();
      p.put("datasources.default.url", url);
      p.put("datasources.default.password", "");
      p.put("micronaut.server.port", -1);
      // the ingest service is on the class path only to fill the store: keep it asleep
      p.put("cfx.ingest.enabled", false);
      p.put("flyway.enabled", false);
      p.put("flyway.datasources.default.enabled", false);
      p.put("cfx.query.auth.enabled", false);
      return new Service(ApplicationContext.run(EmbeddedServer.class, p));
    }

    /** the time of one GET, body read, in nanoseconds; anything but 200 stops the run. */
    long time(String path) throws IOException, InterruptedException {
      HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", "application/json")
          .timeout(Duration.ofSeconds(60)).GET().build();
      long t = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long elapsed = System.nanoTime() - t;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
      }
      return elapsed;
    }

    JsonNode json(String path) throws IOException, InterruptedException {
      HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", "application/json")
          .timeout(Duration.ofSeconds(60)).GET().build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /**
   * the baseline: the same questions answered from the raw message log alone, as a system that
   * keeps only the envelopes would, by scanning it (no derived tables, no index on the JSON).
   */
  private static final class RawLog {
    private final DataSource ds;

    RawLog(DataSource ds) {
      this.ds = ds;
    }

    /**
     * every message about a board: the messages naming its serial give its panel (PrimaryIdentifier)
     * and transactions; the messages naming the panel give the transactions before the serial
     * was known; the messages of all those transactions (results, WorkCompleted) complete it.
     * Three scans of the log.
     */
    Set<String> birthCertificate(String serial) throws SQLException, IOException {
      Map<String, JsonNode> found = new LinkedHashMap<>();
      Set<String> panels = new TreeSet<>();
      Set<String> transactions = new TreeSet<>();
      scan("strpos(envelope::text, ?) > 0", new String[] {quoted(serial)}, found, panels, transactions);
      scan("envelope::text like any(?)", patterns(panels), found, panels, transactions);
      scan("envelope::text like any(?)", patterns(transactions), found, panels, transactions);
      return found.keySet();
    }

    /**
     * the boards that got a reel: the MaterialsInstalled messages naming it give panel and
     * position; the WorkStarted messages of those panels that name serials give the boards' serials.
     * Two scans of the log.
     */
    Set<String> whereUsed(String reel) throws SQLException, IOException {
      Set<String> panelPositions = new HashSet<>();
      Set<String> panels = new TreeSet<>();
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement("select envelope::text from raw_message where strpos(envelope::text, ?) > 0")) {
        ps.setString(1, quoted(reel));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            JsonNode body = JSON.readTree(rs.getString(1)).path("MessageBody");
            for (JsonNode m : body.path("InstalledMaterials")) {
              if (reel.equals(m.path("Material").path("UniqueIdentifier").asText())) {
                panelPositions.add(m.path("UnitIdentifier").asText() + "#" + m.path("UnitPositionNumber").asInt());
                panels.add(m.path("UnitIdentifier").asText());
              }
            }
          }
        }
      }
      Set<String> serials = new HashSet<>();
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement("select envelope::text from raw_message where message_name = 'CFX.Production.WorkStarted'"
              + " and envelope->'MessageBody'->>'PrimaryIdentifier' = any(?)")) {
        ps.setArray(1, c.createArrayOf("text", panels.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            JsonNode body = JSON.readTree(rs.getString(1)).path("MessageBody");
            String panel = body.path("PrimaryIdentifier").asText();
            for (JsonNode u : body.path("Units")) {
              String id = u.path("UnitIdentifier").asText();
              if (!id.isEmpty() && !id.equals(panel) && panelPositions.contains(panel + "#" + u.path("PositionNumber").asInt())) {
                serials.add(id);
              }
            }
          }
        }
      }
      return serials;
    }

    private void scan(String condition, String[] values, Map<String, JsonNode> found, Set<String> panels, Set<String> transactions)
        throws SQLException, IOException {
      if (values.length == 0) {
        return;
      }
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement("select unique_id::text, envelope::text from raw_message where " + condition)) {
        if (values.length == 1 && condition.startsWith("strpos")) {
          ps.setString(1, values[0]);
        } else {
          ps.setArray(1, c.createArrayOf("text", values));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            JsonNode envelope = JSON.readTree(rs.getString(2));
            found.put(rs.getString(1), envelope);
            JsonNode body = envelope.path("MessageBody");
            if (body.hasNonNull("PrimaryIdentifier")) {
              panels.add(body.path("PrimaryIdentifier").asText());
            }
            if (body.hasNonNull("TransactionID")) {
              transactions.add(body.path("TransactionID").asText());
            }
          }
        }
      }
    }

    private static String quoted(String s) {
      return "\"" + s + "\"";
    }

    private static String[] patterns(Set<String> values) {
      return values.stream().map(v -> "%" + quoted(v).replace("%", "\\%").replace("_", "\\_") + "%").toArray(String[]::new);
    }
  }
}
