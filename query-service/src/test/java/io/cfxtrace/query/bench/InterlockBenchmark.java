package io.cfxtrace.query.bench;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.query.interlock.InterlockService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;

/**
 * interlock latency (issue #15): {@code machines} simulated machines (default 50), each its own
 * CFX endpoint, ask ValidateUnitsRequest for random boards of a filled store at the same time,
 * each request on a fresh AMQP connection as the SDK sends them; baseline in the same run: the
 * same machines asking the birth certificate of random boards over HTTP. Rounds alternate
 * (baseline, interlock, baseline, interlock) so that both see the same machine.
 *
 * <p>Run on a store that {@link QueryBenchmark} filled (it names its database {@code
 * qbench_e<events>_r<reelBoards>_b<boards>_s<seed>}): {@code mvn -B -q -pl query-service -am
 * test-compile -DskipTests}, then {@code java -cp <test classpath>
 * io.cfxtrace.query.bench.InterlockBenchmark jdbc=jdbc:postgresql://127.0.0.1:5432/qbench_e10000000_r10000_b8_s42?user=postgres
 * machines=50 samples=5000}. The store gets the V11 {@code hold} table (Flyway, out of order as
 * {@link QueryBenchmark} migrates). Arguments: {@code jdbc} (required), {@code machines} (50),
 * {@code samples} per round (5000), {@code warmup} requests before measuring (1000).
 */
@SuppressForbidden
public final class InterlockBenchmark {

  private InterlockBenchmark() {}

  /**
   * runs the benchmark.
   *
   * @param args {@code key=value} arguments.
   * @throws Exception on any failure.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("argument '" + arg + "': expected key=value");
      }
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    String jdbc = a.get("jdbc");
    if (jdbc == null) {
      throw new IllegalArgumentException("jdbc=<JDBC URL of a store QueryBenchmark filled> is required");
    }
    int machines = Integer.parseInt(a.getOrDefault("machines", "50"));
    int samples = Integer.parseInt(a.getOrDefault("samples", "5000"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "1000"));
    Flyway.configure().dataSource(jdbc, null, null).locations("classpath:db/migration").outOfOrder(true).load().migrate();
    List<String> boards = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select distinct unit_id from unit_event tablesample system (1) where event_type = 'work_completed' limit 20000")) {
      while (rs.next()) {
        boards.add(rs.getString(1));
      }
    }
    Path rules = Files.createTempFile("interlock-bench-rules", ".yaml");
    // every check but the route (the store's stations are the benchmark line's): each answer reads
    // the unit's keys, its whole route and the holds, as every rule does
    Files.writeString(rules, "version: bench\nunits:\n  - name: every-station\n    station: \"*\"\n");
    Map<String, Object> p = new HashMap<>();
    p.put("datasources.default.url", jdbc);
    p.put("datasources.default.maximum-pool-size", 8);
    p.put("micronaut.server.port", -1);
    p.put("cfx.query.auth.enabled", false);
    p.put("cfx.query.interlocks.enabled", true);
    p.put("cfx.query.interlocks.port", 0);
    p.put("cfx.query.interlocks.host", "127.0.0.1");
    p.put("cfx.query.interlocks.rules", rules.toString());
    try (ApplicationContext ctx = ApplicationContext.run(EmbeddedServer.class, p).getApplicationContext()) {
      EmbeddedServer http = ctx.getBean(EmbeddedServer.class);
      AmqpUri cfx = AmqpUri.parse("amqp://127.0.0.1:" + ctx.getBean(InterlockService.class).port());
      List<CfxEndpoint> endpoints = new ArrayList<>();
      for (int m = 0; m < machines; m++) {
        endpoints.add(CfxEndpoint.start(EndpointIdentity.of(String.format("Bench.Station.M%02d", m), null), CfxEndpoint.Options.defaults()));
      }
      HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
      ExecutorService pool = Executors.newFixedThreadPool(machines);
      Ask certificate = m -> {
        String b = boards.get(ThreadLocalRandom.current().nextInt(boards.size()));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http.getURL() + "/api/units/" + URLEncoder.encode(b, StandardCharsets.UTF_8)))
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
        if (r.validationResults().size() != 1) {
          throw new IllegalStateException("validation of " + b + " answered " + r);
        }
      };
      System.out.printf("interlock benchmark: %d boards sampled from %s, %d machines at once, %d requests per round%n", boards.size(), jdbc, machines, samples);
      run(pool, machines, warmup, certificate);
      run(pool, machines, warmup, validate);
      for (int round = 1; round <= 2; round++) {
        report("round " + round + " baseline: birth certificate over HTTP", run(pool, machines, samples, certificate));
        report("round " + round + " ValidateUnitsRequest over CFX (fresh AMQP connection each)", run(pool, machines, samples, validate));
      }
      pool.shutdownNow();
      endpoints.forEach(CfxEndpoint::close);
    }
  }

  /** one request of one machine. */
  @FunctionalInterface
  private interface Ask {
    void ask(int machine) throws Exception;
  }

  /** the latencies (ns) and the wall time (ns, last element) of {@code total} requests by {@code machines} at once. */
  private static long[] run(ExecutorService pool, int machines, int total, Ask ask) throws Exception {
    long[] latency = new long[total + 1];
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
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
    latency[total] = System.nanoTime() - start;
    return latency;
  }

  private static void report(String what, long[] result) {
    long wall = result[result.length - 1];
    long[] l = Arrays.copyOf(result, result.length - 1);
    Arrays.sort(l);
    System.out.printf("%-70s n=%d p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  %.0f req/s%n", what, l.length, ms(l, 0.50), ms(l, 0.95), ms(l, 0.99),
        l[l.length - 1] / 1e6, l.length / (wall / 1e9));
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
