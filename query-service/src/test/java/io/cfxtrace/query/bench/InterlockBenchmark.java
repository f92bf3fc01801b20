package io.cfxtrace.query.bench;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.query.QueryApplication;
import io.cfxtrace.query.interlock.Interlocks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * interlock latency (issue #15: "p99 validation latency under 20 ms with 50 machines asking
 * concurrently on the query benchmark's 10-million-event store"): {@code machines} simulated
 * machines (default 50), each its own CFX endpoint, ask ValidateUnitsRequest for a random board of
 * a filled store, each request on a fresh AMQP connection as the SDK sends them. Baseline in the
 * same run and under the same load model: the same machines asking the birth certificate of a
 * random board over HTTP (a pooled keep-alive connection). Three load models, each run for the
 * baseline and for validation in turn, so that both see the same machine:
 *
 * <ol>
 *   <li><b>arrivals</b> (the line as it is): each machine asks at random (Poisson) times, {@code
 *       rate} requests per machine per second, default 1, so 50 requests/s from 50 machines. A
 *       station asks once per board that arrives, and SMT cycle times are 10 to 60 s per board
 *       (a fast line a few seconds): 1 per second per machine is several times what a real line
 *       asks, which leaves room for a panel's boards asked one by one and for lines faster than
 *       ours. Latency runs from the time the request was due, not from when it was sent: a
 *       machine whose previous answer came late sends its next request late, and that delay
 *       counts (no coordinated omission). Each machine's arrival times come from a seed of its
 *       own, the same for the baseline and validation.
 *   <li><b>bursts</b> (the worst a line can do): all machines ask at the same instant, {@code
 *       bursts} times (default 20) with a pause between; latency from that instant.
 *   <li><b>saturation</b> (throughput, not what stations do): every machine asks again as soon as
 *       its answer arrives, no think time, {@code samples} requests (default 5,000). The server is
 *       then always behind: latency there is the queue (about machines / throughput, Little's
 *       law), reported as such, with the throughput.
 * </ol>
 *
 * <p>The query service runs in a JVM of its own ({@code -Xmx1g}; the benchmark's class path
 * without the test classes and the ingest service), as deployed: the simulated machines'
 * endpoints and their garbage do not pause it. The service, the database and the simulated
 * machines still share the machine's cores; so does whatever else runs there. Each round prints
 * p50, p95, p99 and max, the service process's CPU time per request (the database's not
 * included: a cost that does not depend on what else the machine runs), and the load average of
 * the machine before and after, then a summary with the ratio validation / certificate per model.
 *
 * <p>Run on a store that {@link QueryBenchmark} filled (it names its database {@code
 * qbench_e<events>_r<reelBoards>_b<boards>_s<seed>}): {@code mvn -B -q -pl ingest-service -am
 * install -DskipTests && mvn -B -pl query-service -Pbench verify -DskipTests
 * -Dbench.main=io.cfxtrace.query.bench.InterlockBenchmark
 * -Dbench.args="jdbc=jdbc:postgresql://127.0.0.1:5432/qbench_e10000000_r10000_b8_s42?user=postgres"}. The
 * store gets the newest migrations (Flyway, out of order as {@link QueryBenchmark} migrates).
 * Arguments ({@code key=value}): {@code jdbc} (required), {@code machines} (50), {@code rate}
 * requests per machine per second in the arrival model (1), {@code seconds} per arrival round
 * (60), {@code rounds} of the arrival model (2), {@code bursts} (20), {@code samples} per
 * saturation round (5,000), {@code warmup} requests of each kind before measuring (2,000), {@code
 * pool} the service's database connections (8, the service's default).
 */
@SuppressForbidden
public final class InterlockBenchmark {

  private InterlockBenchmark() {}

  /** the arguments, checked. */
  record Options(String jdbc, int machines, double rate, int seconds, int rounds, int bursts, int samples, int warmup, int pool) {

    static final Set<String> KEYS = Set.of("jdbc", "machines", "rate", "seconds", "rounds", "bursts", "samples", "warmup", "pool");

    static Options parse(String[] args) {
      Map<String, String> a = BenchArguments.parse(args, KEYS);
      String jdbc = a.get("jdbc");
      if (jdbc == null || jdbc.isBlank()) {
        throw new IllegalArgumentException("jdbc=<JDBC URL of a store QueryBenchmark filled> is required");
      }
      double rate;
      try {
        rate = Double.parseDouble(a.getOrDefault("rate", "1"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("benchmark argument rate=" + a.get("rate") + " is not a number", e);
      }
      if (!(rate > 0 && rate <= 1000)) {
        throw new IllegalArgumentException("benchmark argument rate=" + a.get("rate") + " must be above 0 and at most 1000 requests per machine per second");
      }
      return new Options(jdbc, whole(a, "machines", 50, 1), rate, whole(a, "seconds", 60, 1), whole(a, "rounds", 2, 1), whole(a, "bursts", 20, 1),
          whole(a, "samples", 5000, 1), whole(a, "warmup", 2000, 0), whole(a, "pool", 8, 1));
    }

    private static int whole(Map<String, String> a, String key, int fallback, int min) {
      String v = a.get(key);
      if (v == null) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(v.replace("_", ""));
        if (n < min) {
          throw new IllegalArgumentException("benchmark argument " + key + "=" + v + " must be at least " + min);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("benchmark argument " + key + "=" + v + " is not a whole number", e);
      }
    }
  }

  /** one request of one machine, answered and checked, or an exception. */
  @FunctionalInterface
  private interface Ask {
    void ask(int machine) throws Exception;
  }

  /**
   * what one round measured: latencies in ns, sorted; wall time; the CPU time the service's process
   * spent in the round (ns; the database's is not in it); the load average before and after.
   */
  record Round(long[] sorted, long wallNanos, long serviceCpuNanos, String loadBefore, String loadAfter) {
    double ms(double q) {
      return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))] / 1e6;
    }

    double max() {
      return sorted[sorted.length - 1] / 1e6;
    }

    double perSecond() {
      return sorted.length / (wallNanos / 1e9);
    }

    double cpuMsPerRequest() {
      return serviceCpuNanos / 1e6 / sorted.length;
    }
  }

  /**
   * runs the benchmark.
   *
   * @param args {@code key=value} arguments, see the class comment.
   * @throws Exception on any failure.
   */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Flyway.configure().dataSource(o.jdbc(), null, null).locations("classpath:db/migration").outOfOrder(true).load().migrate();
    List<String> boards = new ArrayList<>();
    long unitEvents;
    try (Connection c = DriverManager.getConnection(o.jdbc()); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select distinct unit_id from unit_event tablesample system (1) where event_type = 'work_completed' limit 20000")) {
        while (rs.next()) {
          boards.add(rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery("select reltuples::bigint from pg_class where relname = 'unit_event'")) {
        unitEvents = rs.next() ? rs.getLong(1) : -1;
      }
    }
    if (boards.isEmpty()) {
      throw new IllegalStateException("the store at " + o.jdbc() + " has no completed board: fill it with QueryBenchmark first");
    }
    Path rules = Files.createTempFile("interlock-bench-rules", ".yaml");
    // every check but the route (the store's stations are the benchmark line's): each answer reads
    // the unit's keys, its whole route and the holds, as every rule does
    Files.writeString(rules, "version: bench\nunits:\n  - name: every-station\n    station: \"*\"\n");
    ExecutorService pool = Executors.newFixedThreadPool(o.machines());
    ExecutorService httpThreads = Executors.newFixedThreadPool(4);
    List<CfxEndpoint> endpoints = new ArrayList<>();
    CompletableFuture<String> httpUrl = new CompletableFuture<>();
    CompletableFuture<String> cfxUrl = new CompletableFuture<>();
    Process service = start(o, rules, httpUrl, cfxUrl);
    try {
      String http = ready(service, httpUrl, "the HTTP server");
      LongSupplier cpu = () -> service.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
      AmqpUri cfx = AmqpUri.parse(ready(service, cfxUrl, "the interlock listener"));
      HttpClient client = HttpClient.newBuilder().executor(httpThreads).build();
      for (int m = 0; m < o.machines(); m++) {
        endpoints.add(CfxEndpoint.start(EndpointIdentity.of(String.format(Locale.ROOT, "Bench.Station.M%02d", m), null), CfxEndpoint.Options.defaults()));
      }
      Ask certificate = m -> {
        String b = boards.get(ThreadLocalRandom.current().nextInt(boards.size()));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http + "/api/units/" + URLEncoder.encode(b, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new IllegalStateException("certificate of " + b + ": " + r.statusCode() + " " + r.body());
        }
      };
      Ask validate = m -> {
        String b = boards.get(ThreadLocalRandom.current().nextInt(boards.size()));
        ValidateUnitsResponse r = (ValidateUnitsResponse) endpoints.get(m).request(cfx, null, "CfxTrace.Interlocks", new ValidateUnitsRequest(List.of(), null, null,
            List.of(new BasicUnitPosition(b, 1, null, null, null, null, null, null, null, null)), null), Duration.ofSeconds(30))
            .toCompletableFuture().get(30, TimeUnit.SECONDS).messageBody();
        // an answer that says the store could not be read is not an answer to measure
        if (r.validationResults().size() != 1 || r.validationResults().get(0).result() == null
            || r.validationResults().get(0).failureCode() == Interlocks.STORE_UNREACHABLE) {
          throw new IllegalStateException("validation of " + b + " answered " + r);
        }
      };
      System.out.printf(Locale.ROOT, "interlock benchmark: store %s (~%,d unit events), %,d boards sampled; %d machines, each its own CFX endpoint;"
              + " service pool %d connections; %d cores; load average %s%n", o.jdbc(), unitEvents, boards.size(), o.machines(), o.pool(),
          Runtime.getRuntime().availableProcessors(), load());
      String v = "ValidateUnitsRequest over CFX (fresh AMQP connection each)";
      String c = "baseline: birth certificate over HTTP";
      closedLoop(pool, o.machines(), o.warmup(), certificate, cpu);
      closedLoop(pool, o.machines(), o.warmup(), validate, cpu);
      System.out.printf(Locale.ROOT, "warmed up: %d of each; load average %s%n", o.warmup(), load());

      Map<String, Round[]> summary = new LinkedHashMap<>();
      System.out.printf(Locale.ROOT, "%n-- arrivals: each machine asks at random (Poisson) times, %.2f per second, %.0f/s from all; %d s per round;"
          + " latency from the time each request was due%n", o.rate(), o.rate() * o.machines(), o.seconds());
      Round[] arrivals = new Round[2];
      for (int round = 1; round <= o.rounds(); round++) {
        Round base = arrivals(pool, o, round, certificate, cpu);
        report("arrivals " + round + " " + c, base);
        Round val = arrivals(pool, o, round, validate, cpu);
        report("arrivals " + round + " " + v, val);
        arrivals[0] = merge(arrivals[0], base);
        arrivals[1] = merge(arrivals[1], val);
      }
      summary.put(String.format(Locale.ROOT, "arrivals (%.0f/s)", o.rate() * o.machines()), arrivals);

      System.out.printf(Locale.ROOT, "%n-- bursts: all %d machines ask at the same instant, %d times; latency from that instant%n", o.machines(), o.bursts());
      Round[] burst = bursts(pool, o, certificate, validate, cpu);
      report("bursts " + c, burst[0]);
      report("bursts " + v, burst[1]);
      summary.put("bursts (" + o.machines() + " at once)", burst);

      System.out.printf(Locale.ROOT, "%n-- saturation: every machine asks again as soon as answered (no think time), %d requests per round;"
          + " latency is the queue of a server always behind (about %d / throughput)%n", o.samples(), o.machines());
      Round base = closedLoop(pool, o.machines(), o.samples(), certificate, cpu);
      report("saturation " + c, base);
      Round val = closedLoop(pool, o.machines(), o.samples(), validate, cpu);
      report("saturation " + v, val);
      summary.put("saturation", new Round[] {base, val});

      System.out.printf(Locale.ROOT, "%n-- summary: validation / certificate (ratio below 1: validation answers faster)%n");
      System.out.printf(Locale.ROOT, "%-22s %-12s %9s %9s %9s %9s %9s %12s%n", "model", "", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s", "CPU ms/req");
      for (Map.Entry<String, Round[]> e : summary.entrySet()) {
        Round b = e.getValue()[0];
        Round x = e.getValue()[1];
        System.out.printf(Locale.ROOT, "%-22s %-12s %9.1f %9.1f %9.1f %9.1f %9.0f %12.2f%n", e.getKey(), "certificate", b.ms(.5), b.ms(.95), b.ms(.99), b.max(),
            b.perSecond(), b.cpuMsPerRequest());
        System.out.printf(Locale.ROOT, "%-22s %-12s %9.1f %9.1f %9.1f %9.1f %9.0f %12.2f%n", "", "validation", x.ms(.5), x.ms(.95), x.ms(.99), x.max(),
            x.perSecond(), x.cpuMsPerRequest());
        System.out.printf(Locale.ROOT, "%-22s %-12s %9.2f %9.2f %9.2f %9.2f %9.2f %12.2f%n", "", "ratio", x.ms(.5) / b.ms(.5), x.ms(.95) / b.ms(.95), x.ms(.99) / b.ms(.99),
            x.max() / b.max(), x.perSecond() / b.perSecond(), x.cpuMsPerRequest() / b.cpuMsPerRequest());
      }
      System.out.printf(Locale.ROOT, "validation p99 under 20 ms: %s; load average at the end %s%n", summary.entrySet().stream()
          .map(e -> e.getKey() + " " + (e.getValue()[1].ms(.99) < 20 ? "yes" : "no") + String.format(Locale.ROOT, " (%.1f ms)", e.getValue()[1].ms(.99)))
          .toList(), load());
    } finally {
      pool.shutdownNow();
      httpThreads.shutdownNow();
      endpoints.forEach(CfxEndpoint::close);
      service.destroy();
      if (!service.waitFor(30, TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
    }
  }

  /**
   * the query service in a JVM of its own ({@code -Xmx1g}), as it is deployed: the simulated
   * machines' work (their endpoints, connections, garbage) does not stop the service's threads.
   * They still share the machine's cores with it and with the database. Both ports are chosen by
   * the service (0) and read from its log: {@code http} gets the HTTP server's URL, {@code cfx}
   * the interlock listener's.
   */
  private static Process start(Options o, Path rules, CompletableFuture<String> http, CompletableFuture<String> cfx) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(serviceClassPath());
    cmd.add("-Ddatasources.default.url=" + o.jdbc());
    cmd.add("-Ddatasources.default.maximum-pool-size=" + o.pool());
    cmd.add("-Dmicronaut.server.host=127.0.0.1");
    cmd.add("-Dmicronaut.server.port=-1");
    cmd.add("-Dcfx.query.auth.enabled=false");
    cmd.add("-Dcfx.query.interlocks.enabled=true");
    cmd.add("-Dcfx.query.interlocks.host=127.0.0.1");
    cmd.add("-Dcfx.query.interlocks.port=0");
    cmd.add("-Dcfx.query.interlocks.rules=" + rules);
    cmd.add(QueryApplication.class.getName());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Pattern httpUrl = Pattern.compile("Server Running: (http://\\S+)");
    Pattern cfxUrl = Pattern.compile("answers ValidateUnits.* at (amqp://\\S+) ");
    Thread out = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          Matcher h = httpUrl.matcher(line);
          if (h.find()) {
            http.complete(h.group(1));
          }
          Matcher c = cfxUrl.matcher(line);
          if (c.find()) {
            cfx.complete(c.group(1));
          }
          if (line.contains("ERROR") || line.contains("WARN") || line.contains("Exception")) {
            System.out.println("service: " + line);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      http.completeExceptionally(new IllegalStateException("the query service's output ended"));
      cfx.completeExceptionally(new IllegalStateException("the query service's output ended"));
    }, "service-output");
    out.setDaemon(true);
    out.start();
    return p;
  }

  /**
   * the benchmark's class path without the test classes and the ingest service (a test dependency
   * of the query service, for filling stores): its beans would start an ingest endpoint in the
   * query service.
   */
  private static String serviceClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes") && !e.contains("ingest-service")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  /** what the service's log names, within 2 minutes of its start, or why not. */
  private static String ready(Process service, CompletableFuture<String> named, String what) throws Exception {
    try {
      return named.get(2, TimeUnit.MINUTES);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the query service did not start " + what + " within 2 minutes"
          + (service.isAlive() ? "" : " (it exited with " + service.exitValue() + ")"), e);
    }
  }

  /** the arrival model: each machine asks at its own Poisson times (seeded by round and machine) for {@code seconds}. */
  private static Round arrivals(ExecutorService pool, Options o, int round, Ask ask, LongSupplier cpu) throws Exception {
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    long end = start + TimeUnit.SECONDS.toNanos(o.seconds());
    double meanGapNanos = 1e9 / o.rate();
    String before = load();
    long cpu0 = cpu.getAsLong();
    List<Future<long[]>> machines = new ArrayList<>();
    for (int m = 0; m < o.machines(); m++) {
      int machine = m;
      SplittableRandom random = new SplittableRandom(round * 1_000_003L + machine);
      machines.add(pool.submit(() -> {
        long[] latency = new long[64];
        int n = 0;
        long due = start + gap(random, meanGapNanos);
        while (due < end) {
          parkUntil(due);
          ask.ask(machine);
          if (n == latency.length) {
            latency = Arrays.copyOf(latency, n * 2);
          }
          latency[n++] = System.nanoTime() - due;
          due += gap(random, meanGapNanos);
        }
        return Arrays.copyOf(latency, n);
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : machines) {
      all.add(f.get());
    }
    return round(all, System.nanoTime() - start, cpu.getAsLong() - cpu0, before);
  }

  /** an exponentially distributed gap (ns): Poisson arrivals. */
  private static long gap(SplittableRandom random, double meanNanos) {
    return (long) (-Math.log(1 - random.nextDouble()) * meanNanos);
  }

  /** {@code bursts} instants at which every machine asks; the baseline and validation alternate burst by burst. */
  private static Round[] bursts(ExecutorService pool, Options o, Ask certificate, Ask validate, LongSupplier cpu) throws Exception {
    List<long[]> base = new ArrayList<>();
    List<long[]> val = new ArrayList<>();
    long[] wall = new long[2];
    long[] used = new long[2];
    String before = load();
    for (int b = 0; b < o.bursts(); b++) {
      for (int kind = 0; kind < 2; kind++) {
        Ask ask = kind == 0 ? certificate : validate;
        long cpu0 = cpu.getAsLong();
        long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        List<Future<Long>> machines = new ArrayList<>();
        for (int m = 0; m < o.machines(); m++) {
          int machine = m;
          machines.add(pool.submit(() -> {
            parkUntil(at);
            ask.ask(machine);
            return System.nanoTime() - at;
          }));
        }
        long[] latency = new long[o.machines()];
        for (int m = 0; m < latency.length; m++) {
          latency[m] = machines.get(m).get();
        }
        wall[kind] += System.nanoTime() - at;
        used[kind] += cpu.getAsLong() - cpu0;
        (kind == 0 ? base : val).add(latency);
        // a quiet moment between bursts, as between boards
        Thread.sleep(200);
      }
    }
    return new Round[] {round(base, wall[0], used[0], before), round(val, wall[1], used[1], before)};
  }

  /** the saturation model: {@code total} requests, every machine asking again as soon as answered. */
  private static Round closedLoop(ExecutorService pool, int machines, int total, Ask ask, LongSupplier cpu) throws Exception {
    long[] latency = new long[total];
    AtomicInteger next = new AtomicInteger();
    String before = load();
    long cpu0 = cpu.getAsLong();
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int m = 0; m < machines; m++) {
      int machine = m;
      running.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < total) {
          long t = System.nanoTime();
          ask.ask(machine);
          latency[i] = System.nanoTime() - t;
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    return round(List.of(latency), System.nanoTime() - start, cpu.getAsLong() - cpu0, before);
  }

  private static Round round(List<long[]> parts, long wall, long serviceCpu, String before) {
    long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    if (all.length == 0) {
      throw new IllegalStateException("the round made no request: raise seconds or rate");
    }
    return new Round(all, wall, serviceCpu, before, load());
  }

  private static Round merge(Round a, Round b) {
    if (a == null) {
      return b;
    }
    long[] all = new long[a.sorted().length + b.sorted().length];
    System.arraycopy(a.sorted(), 0, all, 0, a.sorted().length);
    System.arraycopy(b.sorted(), 0, all, a.sorted().length, b.sorted().length);
    Arrays.sort(all);
    return new Round(all, a.wallNanos() + b.wallNanos(), a.serviceCpuNanos() + b.serviceCpuNanos(), a.loadBefore(), b.loadAfter());
  }

  private static void parkUntil(long nanoTime) {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  private static void report(String what, Round r) {
    System.out.printf(Locale.ROOT, "%-62s n=%5d p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  %4.0f req/s  service CPU %.2f ms/req  load %s -> %s%n",
        what, r.sorted().length, r.ms(.5), r.ms(.95), r.ms(.99), r.max(), r.perSecond(), r.cpuMsPerRequest(), r.loadBefore(), r.loadAfter());
  }

  /** the machine's load average (1, 5, 15 minutes). */
  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
