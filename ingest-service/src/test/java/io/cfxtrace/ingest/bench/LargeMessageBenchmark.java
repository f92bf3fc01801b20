package io.cfxtrace.ingest.bench;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.ingest.IngestApplication;
import io.cfxtrace.ingest.testing.LargeInspection;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * issue #13's large-message target: N inspection results of M MB of JSON (a 4-board panel of
 * solder-paste deposits and defects, {@link LargeInspection}) sent at once, from one connection and
 * from five, to an ingest service running in a process of its own with {@code -Xmx256m}; then the
 * same number of bytes as 1 KB messages, as the same run's baseline. Prints per run: messages,
 * JSON MB, seconds, MB/s of JSON (inflated), the service's peak RSS (VmHWM) and whether every
 * message and row was stored (measurement and defect rows against the generator's counts).
 *
 * <p>The machines are cfx-trace publishers (gzip, spooled): they spool every message before the
 * service is started, so the run times the service taking in a backlog sent at once, not the
 * machines encoding it.
 *
 * <p>Where the time goes: each run also reports the CPU seconds the service process and the
 * database's processes (as its {@code pg_stat_activity} lists them) spent from the service's start
 * of listening to the last acknowledgement.
 *
 * <p>Run: {@code mvn -B -ntp -pl ingest-service -am -Pbench verify -DskipTests
 * -Dbench.main=io.cfxtrace.ingest.bench.LargeMessageBenchmark -Dbench.args="20 30"} (messages,
 * MB of JSON each; a third argument {@code large} or {@code small} runs only those). The system
 * property {@code bench.serviceJvmArgs} adds JVM options to the service's process (for example
 * {@code -XX:StartFlightRecording=filename=/tmp/ingest.jfr} to profile it).
 */
@SuppressForbidden
public final class LargeMessageBenchmark {

  private static final CfxCodec CODEC = new CfxCodec();

  private LargeMessageBenchmark() {}

  /**
   * runs the benchmark.
   *
   * @param args messages (default 20), MB of JSON each (default 30).
   * @throws Exception if a run fails.
   */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int mb = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    // about 365 bytes of JSON per deposit, 4 boards
    int deposits = (int) ((mb * 1_000_000L) / 365 / 4);
    String only = args.length > 2 ? args[2] : "";
    if (!only.isEmpty() && !only.equals("large") && !only.equals("small")) {
      throw new IllegalArgumentException("third argument '" + only + "': expected large or small");
    }
    List<Run> runs = new ArrayList<>();
    if (!only.equals("small")) {
      runs.add(run("large, 1 connection", count, 1, i -> LargeInspection.generate(UUID.randomUUID(), "PNL-L1-" + i, 4, deposits, 650, i)));
      runs.add(run("large, 5 connections", count, 5, i -> LargeInspection.generate(UUID.randomUUID(), "PNL-L5-" + i, 4, deposits, 650, i)));
    }
    if (!only.equals("large")) {
      // as many bytes of 1.7 KB messages as the large runs send (at most 200,000 messages)
      int small = (int) Math.min(200_000, (long) count * mb * 1_000_000L / 1000);
      runs.add(run("1.7 KB, 1 connection", small, 1, i -> LargeInspection.generate(UUID.randomUUID(), "PNL-S1-" + i, 1, 1, i % 2, i)));
      runs.add(run("1.7 KB, 5 connections", small, 5, i -> LargeInspection.generate(UUID.randomUUID(), "PNL-S5-" + i, 1, 1, i % 2, i)));
    }

    System.out.println();
    System.out.println("Large-message benchmark: ingest service in its own JVM at -Xmx256m (flow budget a sixteenth of the heap)");
    System.out.printf(Locale.ROOT, "%-22s %9s %9s %8s %9s %10s %9s %11s %9s %s%n", "run", "messages", "JSON MB", "seconds", "MB/s", "messages/s", "RSS MB",
        "service CPU", "db CPU", "stored");
    for (Run r : runs) {
      System.out.printf(Locale.ROOT, "%-22s %9d %9.1f %8.2f %9.1f %10.0f %9d %10.1fs %8.1fs %s%n", r.name, r.messages, r.jsonBytes / 1e6, r.seconds,
          r.jsonBytes / 1e6 / r.seconds, r.messages / r.seconds, r.peakRssKb / 1024, r.serviceCpu, r.databaseCpu, r.stored);
    }
  }

  private interface Generator {
    LargeInspection make(int i);
  }

  private static final class Run {
    String name;
    int messages;
    long jsonBytes;
    double seconds;
    long peakRssKb;
    double serviceCpu;
    double databaseCpu;
    String stored;
  }

  private static Run run(String name, int count, int connections, Generator generator) throws Exception {
    TestDatabase db = TestDatabase.create();
    Path spools = Files.createTempDirectory("cfx-large-bench");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run r = new Run();
    r.name = name;
    r.messages = count;
    long measurements = 0;
    long defects = 0;
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    List<CfxEndpoint> machines = new ArrayList<>();
    List<Publisher> publishers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      CfxEndpoint m = CfxEndpoint.start(EndpointIdentity.of("Bench.SPI" + c, null), CfxEndpoint.Options.defaults());
      machines.add(m);
      publishers.add(m.publisher(new PublisherConfig("spi" + c, AmqpUri.parse("amqp://127.0.0.1:" + port + "/cfx"), "cfx", null, null, true,
          spools.resolve("spi" + c), SpoolOptions.defaults().withFsync(SpoolOptions.Fsync.FSYNC_NONE), 1000, Duration.ZERO,
          new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 1.5, 0))));
    }
    Process service = null;
    try {
      // every message spooled before the service exists: the service then gets them all at once
      for (int i = 0; i < count; i++) {
        LargeInspection li = generator.make(i);
        r.jsonBytes += li.json().length;
        measurements += li.measurements();
        defects += li.defects();
        CfxEnvelope e = CODEC.decodeEnvelope(li.json());
        acks.add(publishers.get(i % connections).publish(e).toCompletableFuture());
      }
      service = start(db, port);
      AtomicLong peak = new AtomicLong();
      CountDownLatch listening = new CountDownLatch(1);
      Process p = service;
      Thread out = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            if (line.contains("machines publish to")) {
              listening.countDown();
            }
            if (line.contains("ERROR") || line.contains("OutOfMemory")) {
              System.out.println("service: " + line);
            }
          }
        } catch (java.io.IOException e) {
          // the process ended
        }
      }, "service-output");
      out.setDaemon(true);
      out.start();
      if (!listening.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the ingest service did not start listening");
      }
      long t0 = System.nanoTime();
      double serviceCpu0 = cpuSeconds(p.pid());
      Map<Long, Double> databaseCpu0 = databaseCpu(db);
      Thread rss = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(rssKb(p.pid()), Math::max);
          try {
            Thread.sleep(50); // a sampling interval, not a synchronisation
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "rss-sampler");
      rss.setDaemon(true);
      rss.start();
      CompletableFuture<Void> acked = CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
      while (!acked.isDone() && p.isAlive() && System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(30)) {
        try {
          acked.get(1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          // still storing: look again whether the service is alive
        }
      }
      r.seconds = (System.nanoTime() - t0) / 1e9;
      r.serviceCpu = cpuSeconds(p.pid()) - serviceCpu0;
      r.databaseCpu = databaseCpuSince(db, databaseCpu0);
      rss.interrupt();
      r.peakRssKb = Math.max(peak.get(), hwmKb(p.pid()));
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        long raw = count(s, "select count(*) from raw_message");
        long m = count(s, "select count(*) from measurement");
        long d = count(s, "select count(*) from defect");
        long dead = count(s, "select count(*) from dead_letter");
        boolean all = raw == count && m == measurements && d == defects && dead == 0;
        r.stored = (all ? "all: " : "MISSING: ") + raw + "/" + count + " messages, " + m + "/" + measurements + " measurements, " + d + "/" + defects
            + " defects, " + dead + " dead letters" + (p.isAlive() ? "" : "; the service exited with status " + p.exitValue());
      }
      return r;
    } finally {
      machines.forEach(CfxEndpoint::close);
      if (service != null) {
        service.destroy();
        service.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static Process start(TestDatabase db, int amqpPort) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    String extra = System.getProperty("bench.serviceJvmArgs", "").trim();
    if (!extra.isEmpty()) {
      cmd.addAll(List.of(extra.split("\\s+")));
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Ddatasources.default.url=" + db.url());
    cmd.add("-Ddatasources.default.username=" + (db.user() == null ? "" : db.user()));
    cmd.add("-Ddatasources.default.password=" + (db.password() == null ? "" : db.password()));
    cmd.add("-Dmicronaut.server.port=-1");
    cmd.add("-Dcfx.ingest.listeners.line.host=127.0.0.1");
    cmd.add("-Dcfx.ingest.listeners.line.port=" + amqpPort);
    cmd.add(IngestApplication.class.getName());
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** user and system CPU seconds of a process, from /proc/PID/stat (clock ticks of 1/100 s); 0 when it is gone. */
  private static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * CPU seconds so far of the database's processes: its backends and helper processes, as its
   * pg_stat_activity lists them now (the connections of the service's pool stay open through a
   * run; a process that ended in between is not counted).
   */
  private static Map<Long, Double> databaseCpu(TestDatabase db) throws Exception {
    Map<Long, Double> cpu = new HashMap<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pid from pg_stat_activity")) {
      while (rs.next()) {
        cpu.put(rs.getLong(1), cpuSeconds(rs.getLong(1)));
      }
    }
    return cpu;
  }

  /** what the database's processes spent between two readings of {@link #databaseCpu}. */
  private static double databaseCpuSince(TestDatabase db, Map<Long, Double> before) throws Exception {
    double sum = 0;
    for (Map.Entry<Long, Double> now : databaseCpu(db).entrySet()) {
      sum += now.getValue() - before.getOrDefault(now.getKey(), 0.0);
    }
    return sum;
  }

  private static long rssKb(long pid) {
    return status(pid, "VmRSS:");
  }

  private static long hwmKb(long pid) {
    return status(pid, "VmHWM:");
  }

  /** a line of /proc/PID/status, in kB; 0 when the process is gone. */
  private static long status(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
