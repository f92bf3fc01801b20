package io.cfxtrace.endpoint.bench;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.EnvelopeSink;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.endpoint.SubscriptionConfig;
import io.cfxtrace.endpoint.bench.BenchPayloads.Payload;
import io.cfxtrace.endpoint.bench.BenchPayloads.WireMessage;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.model.codec.CfxCodec;
import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.apache.activemq.artemis.api.core.SimpleString;

/**
 * receive throughput of the CFX endpoint, as a ratio to an independent AMQP implementation
 * measured in the same process and run, for 1 KB and 2 MB gzip CFX messages (see {@link
 * BenchPayloads}).
 *
 * <h2>Scenarios</h2>
 *
 * <ul>
 *   <li><b>broker mode</b>: an embedded Artemis queue is pre-loaded with N persistent messages by a
 *       Qpid JMS machine (not timed). Timed: our {@link Subscription} draining it into a sink that
 *       completes at once and only counts (the endpoint still gunzips, parses and binds every
 *       envelope to cfx-model records: that is its job). Baseline: a Qpid JMS consumer
 *       (AUTO_ACKNOWLEDGE, the same prefetch as our credit) draining an identically pre-loaded
 *       queue of the same broker and reading each message's body bytes, with no gunzip and no
 *       CFX decode.
 *   <li><b>listener mode</b>: Qpid JMS machines publish N messages to our {@link Listener} (same
 *       counting sink), with persistent synchronous sends as a machine does, from one or several
 *       connections, and with asynchronous sends. Baseline: the same machines publishing the same
 *       messages to an anycast queue of the embedded Artemis broker.
 * </ul>
 *
 * Each pair runs once with a warm-up count (not reported), then with the measured count. A drain is
 * timed from the first message in hand to the last, so its rate is (N-1)/seconds; a publish run
 * from the first send to the last settlement.
 *
 * <h2>Broker</h2>
 *
 * {@link EmbeddedArtemis}: persistence on (NIO journal, messages over 100 KiB as large-message
 * files), journal fsync off, same broker and settings for both sides. Our sink persists nothing,
 * while the Artemis baseline of the listener mode journals every message (without fsync).
 *
 * <h2>Arguments</h2>
 *
 * {@code key=value} words: {@code small=20000 large=50 warmupSmall=2000 warmupLarge=5 credit=100
 * modes=broker,listener payloads=1KB,2MB sends=sync:1,sync:4,async:1}. {@code credit} is our link
 * credit and the JMS prefetch; {@code sends} lists listener-mode producers as
 * {@code sync|async:<connections>}.
 */
@SuppressForbidden
public final class EndpointBenchmark {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final String OURS_BROKER = "our subscription (CFX decode)";
  private static final String JMS_BROKER = "Qpid JMS consumer (bytes only)";

  private final Settings settings;
  private final EmbeddedArtemis broker;
  private final CfxEndpoint endpoint;
  private final HeapSampler heap;
  private final List<Row> rows = new ArrayList<>();
  private int run;

  private EndpointBenchmark(Settings settings, EmbeddedArtemis broker, CfxEndpoint endpoint, HeapSampler heap) {
    this.settings = settings;
    this.broker = broker;
    this.endpoint = endpoint;
    this.heap = heap;
  }

  /**
   * runs the benchmark and prints the table.
   *
   * @param args {@code key=value} settings, see the class comment.
   * @throws Exception if a run fails or times out.
   */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    String loadBefore = loadAverage();
    CfxCodec codec = new CfxCodec();
    List<Payload> payloads = new ArrayList<>();
    if (settings.payloads.contains("1KB")) {
      payloads.add(BenchPayloads.small(codec, Math.max(settings.small, settings.warmupSmall)));
    }
    if (settings.payloads.contains("2MB")) {
      payloads.add(BenchPayloads.large(codec, Math.max(settings.large, settings.warmupLarge)));
    }
    for (Payload p : payloads) {
      System.out.printf(
          Locale.ROOT, "payload %s: %s, %,d bytes of JSON, %,.0f bytes gzip (%.1fx)%n", p.name(), p.messageName(), p.jsonBytes(), p.meanGzipBytes(), p.gzipRatio());
    }
    Path dir = Files.createTempDirectory("cfx-endpoint-bench-");
    long started = System.nanoTime();
    EndpointBenchmark bench;
    try (EmbeddedArtemis broker = EmbeddedArtemis.builder().dataDirectory(dir.resolve("artemis")).syncJournal(false).start();
        CfxEndpoint endpoint = CfxEndpoint.start(EndpointIdentity.of("CfxTrace.Bench", null), CfxEndpoint.Options.defaults());
        HeapSampler heap = new HeapSampler()) {
      bench = new EndpointBenchmark(settings, broker, endpoint, heap);
      for (Payload p : payloads) {
        boolean large = p.name().equals("2MB");
        int n = large ? settings.large : settings.small;
        int warmup = large ? settings.warmupLarge : settings.warmupSmall;
        if (settings.modes.contains("broker")) {
          bench.brokerMode(p, warmup, false);
          bench.brokerMode(p, n, true);
        }
        if (settings.modes.contains("listener")) {
          for (Sends sends : settings.sends) {
            bench.listenerMode(p, warmup, sends, false);
            bench.listenerMode(p, n, sends, true);
          }
        }
      }
    } finally {
      deleteRecursively(dir);
    }
    bench.print(payloads, loadBefore, (System.nanoTime() - started) / 1e9);
  }

  // ------------------------------------------------------------------------------ broker mode

  private void brokerMode(Payload p, int n, boolean report) throws Exception {
    int id = ++run;
    String ours = "bench.broker.ours." + id;
    String jms = "bench.broker.jms." + id;
    broker.createAnycastQueue(ours);
    broker.createAnycastQueue(jms);
    preload(ours, p, n);
    preload(jms, p, n);

    CountingSink sink = new CountingSink(n);
    prepareMeasurement();
    SubscriptionConfig config =
        new SubscriptionConfig(
            "bench", AmqpUri.parse(broker.amqpUri()), ours, null, null, false, ListenerConfig.Limits.defaults().withCredit(settings.credit), ReconnectPolicy.defaults());
    Subscription subscription = endpoint.subscribe(config, sink);
    try {
      sink.await();
      // the last settlements leave after the stores complete: drained means settled at the broker
      awaitZero(() -> broker.messageCount(ours), "our subscription left messages unsettled in " + ours);
    } finally {
      subscription.close();
    }
    Sample oursHeap = heap.sample();
    sink.check(p);

    prepareMeasurement();
    BenchMachine.Drained drained;
    try (BenchMachine machine = BenchMachine.connect(broker.amqpUri(), settings.credit)) {
      drained = machine.drain(jms, n, RUN_TIMEOUT);
    }
    Sample jmsHeap = heap.sample();
    if (drained.bodyBytes() != sumGzip(p, n)) {
      throw new IllegalStateException("JMS consumer read " + drained.bodyBytes() + " body bytes, expected " + sumGzip(p, n));
    }
    awaitZero(() -> broker.messageCount(jms), "the JMS consumer left messages unsettled in " + jms);
    destroy(ours);
    destroy(jms);
    if (report) {
      Row baseline = new Row("broker", JMS_BROKER, p, n, seconds(drained.firstNanos(), drained.lastNanos()), n - 1, jmsHeap, null);
      rows.add(new Row("broker", OURS_BROKER, p, n, sink.seconds(), n - 1, oursHeap, baseline));
      rows.add(baseline);
    }
  }

  /** fills a queue with the first {@code n} messages (persistent, async sends), not timed. */
  private void preload(String queue, Payload p, int n) throws Exception {
    try (BenchMachine machine = BenchMachine.connect(broker.amqpUri(), settings.credit)) {
      publish(List.of(machine), queue, p, n, true);
    }
    long count = broker.messageCount(queue);
    if (count != n) {
      throw new IllegalStateException("pre-loading " + queue + " left " + count + " messages, not " + n);
    }
  }

  // ---------------------------------------------------------------------------- listener mode

  private void listenerMode(Payload p, int n, Sends sends, boolean report) throws Exception {
    int id = ++run;
    CountingSink sink = new CountingSink(n);
    ListenerConfig config = ListenerConfig.anonymous("bench", "127.0.0.1", 0).withLimits(ListenerConfig.Limits.defaults().withCredit(settings.credit));
    Listener listener = endpoint.listen(config, sink);
    double oursSeconds;
    Sample oursHeap;
    try {
      oursSeconds = publishFrom("amqp://127.0.0.1:" + listener.port(), "cfx", p, n, sends);
      oursHeap = heap.sample();
      sink.await();
      sink.check(p);
    } finally {
      listener.close();
    }

    String queue = "bench.listener.artemis." + id;
    broker.createAnycastQueue(queue);
    double artemisSeconds = publishFrom(broker.amqpUri(), queue, p, n, sends);
    Sample artemisHeap = heap.sample();
    long stored = broker.messageCount(queue);
    if (stored != n) {
      throw new IllegalStateException("Artemis queue " + queue + " holds " + stored + " messages, not " + n);
    }
    destroy(queue);
    if (report) {
      String who = sends.async ? "async sends" : "sync sends";
      String from = sends.connections == 1 ? "1 machine" : sends.connections + " machines";
      Row baseline = new Row("listener", "Artemis acceptor, " + who + " from " + from, p, n, artemisSeconds, n, artemisHeap, null);
      rows.add(new Row("listener", "our listener, " + who + " from " + from, p, n, oursSeconds, n, oursHeap, baseline));
      rows.add(baseline);
    }
  }

  /** connects the machines (not timed), then times publishing {@code n} messages. */
  private double publishFrom(String uri, String address, Payload p, int n, Sends sends) throws Exception {
    List<BenchMachine> machines = new ArrayList<>();
    try {
      for (int i = 0; i < sends.connections; i++) {
        machines.add(BenchMachine.connect(uri, settings.credit));
      }
      prepareMeasurement();
      return publish(machines, address, p, n, sends.async);
    } finally {
      for (BenchMachine m : machines) {
        m.close();
      }
    }
  }

  /**
   * sends messages 0..n-1 of the payload, machine {@code i} sending every {@code machines.size()}th
   * one from {@code i} on its own thread; returns the seconds from the first send to the last
   * settlement.
   */
  private static double publish(List<BenchMachine> machines, String address, Payload p, int n, boolean async) throws Exception {
    int k = machines.size();
    List<BenchMachine.Sender> senders = new ArrayList<>();
    for (BenchMachine m : machines) {
      senders.add(m.sender(address));
    }
    CountDownLatch settled = new CountDownLatch(n);
    AtomicReference<Exception> failure = new AtomicReference<>();
    CompletionListener listener =
        new CompletionListener() {
          @Override
          public void onCompletion(Message message) {
            settled.countDown();
          }

          @Override
          public void onException(Message message, Exception exception) {
            failure.compareAndSet(null, exception);
            settled.countDown();
          }
        };
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(k);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        BenchMachine.Sender sender = senders.get(i);
        int first = i;
        work.add(
            threads.submit(
                () -> {
                  go.await();
                  for (int j = first; j < n; j += k) {
                    WireMessage w = p.messages().get(j);
                    if (async) {
                      sender.sendAsync(w, listener);
                    } else {
                      sender.send(w);
                      settled.countDown();
                    }
                  }
                  return null;
                }));
      }
      long t0 = System.nanoTime();
      go.countDown();
      for (Future<?> f : work) {
        f.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      if (!settled.await(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(settled.getCount() + " of " + n + " sends to " + address + " were not settled within " + RUN_TIMEOUT);
      }
      long t1 = System.nanoTime();
      if (failure.get() != null) {
        throw new IllegalStateException("an async send to " + address + " failed", failure.get());
      }
      return seconds(t0, t1);
    } finally {
      threads.shutdownNow();
      for (BenchMachine.Sender s : senders) {
        try {
          s.close();
        } catch (JMSException ignored) {
          // the connection closes next anyway
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  /** a collection and a fresh heap peak, so that one measurement does not pay for the last. */
  private void prepareMeasurement() {
    System.gc();
    heap.reset();
  }

  private void destroy(String queue) throws Exception {
    broker.server().destroyQueue(SimpleString.of(queue), null, false, true);
  }

  private static void awaitZero(LongSupplier count, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (count.getAsLong() != 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + ": " + count.getAsLong() + " still there after 30 s");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  private static long sumGzip(Payload p, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += p.messages().get(i).gzip().length;
    }
    return sum;
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private void print(List<Payload> payloads, String loadBefore, double totalSeconds) {
    System.out.println();
    System.out.println("CFX endpoint receive benchmark: ratio = ours / baseline measured in the same process and run");
    System.out.printf(
        Locale.ROOT,
        "JVM %s, max heap %d MiB, %d cores; load average before %s, after %s; total %.0f s%n",
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        loadAverage(),
        totalSeconds);
    String format = "%-9s %-44s %-4s %10s %9s %8s %11s %8s %9s %6s %12s%n";
    System.out.printf(Locale.ROOT, format, "mode", "side", "load", "wire B/msg", "messages", "seconds", "messages/s", "MB/s", "heap MiB", "GC s", "vs baseline");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          format,
          r.mode,
          r.side,
          r.payload.name(),
          String.format(Locale.ROOT, "%,.0f", r.payload.meanGzipBytes()),
          String.format(Locale.ROOT, "%,d", r.messages),
          String.format(Locale.ROOT, "%.2f", r.seconds),
          String.format(Locale.ROOT, "%,.1f", r.perSecond()),
          String.format(Locale.ROOT, "%.1f", r.megabytesPerSecond()),
          r.memory.heapBytes() >> 20,
          String.format(Locale.ROOT, "%.2f", r.memory.gcMillis() / 1e3),
          r.baseline == null ? "(baseline)" : String.format(Locale.ROOT, "%.2f", r.perSecond() / r.baseline.perSecond()));
    }
    System.out.println();
    for (Payload p : payloads) {
      System.out.printf(
          Locale.ROOT, "%s = %s: %,d bytes of JSON, %,.0f bytes gzip on the wire (%.1fx); MB/s counts gzip body bytes (10^6), not the ~300 bytes of AMQP header and properties%n",
          p.name(), p.messageName(), p.jsonBytes(), p.meanGzipBytes(), p.gzipRatio());
    }
    System.out.println("broker: Artemis, persistent messages, NIO journal with fsync off; drains timed first message to last, rate = (N-1)/s");
    System.out.println("listener: our sink stores nothing; Artemis journals each message (no fsync); timed first send to last settlement");
    System.out.printf(Locale.ROOT, "listener credit: ours %d per link, the Artemis acceptor its default (1000); it matters only for async sends%n", settings.credit);
    System.out.printf(Locale.ROOT, "broker credit: our link %d, JMS prefetch %d; heap = peak JVM heap in use, sampled every 5 ms; GC s = collector pause time in the run (broker, client and endpoint share the JVM)%n", settings.credit, settings.credit);
  }

  // ---------------------------------------------------------------------------------- types

  /** one line of the table. */
  private record Row(String mode, String side, Payload payload, int messages, double seconds, int intervals, Sample memory, Row baseline) {
    double perSecond() {
      return intervals / seconds;
    }

    double megabytesPerSecond() {
      return perSecond() * payload.meanGzipBytes() / 1e6;
    }
  }

  /** listener-mode producers. */
  private record Sends(boolean async, int connections) {
    static Sends parse(String text) {
      String[] parts = text.split(":");
      if (parts.length != 2 || !(parts[0].equals("sync") || parts[0].equals("async"))) {
        throw new IllegalArgumentException("sends entry must be sync:<n> or async:<n>, was " + text);
      }
      int n = Integer.parseInt(parts[1]);
      if (n < 1) {
        throw new IllegalArgumentException("sends entry needs at least one connection, was " + text);
      }
      return new Sends(parts[0].equals("async"), n);
    }
  }

  /** the run's settings. */
  private record Settings(
      int small, int large, int warmupSmall, int warmupLarge, int credit, List<String> modes, List<String> payloads, List<Sends> sends) {

    static Settings parse(String[] args) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("small", "20000");
      m.put("large", "50");
      m.put("warmupSmall", "2000");
      m.put("warmupLarge", "5");
      m.put("credit", "100");
      m.put("modes", "broker,listener");
      m.put("payloads", "1KB,2MB");
      m.put("sends", "sync:1,sync:4,async:1");
      for (String a : args) {
        for (String word : a.trim().split("\\s+")) {
          if (word.isEmpty()) {
            continue;
          }
          int eq = word.indexOf('=');
          if (eq < 0 || !m.containsKey(word.substring(0, eq))) {
            throw new IllegalArgumentException("unknown benchmark argument '" + word + "'; known: " + m.keySet());
          }
          m.put(word.substring(0, eq), word.substring(eq + 1));
        }
      }
      Settings s =
          new Settings(
              positive(m, "small"),
              positive(m, "large"),
              positive(m, "warmupSmall"),
              positive(m, "warmupLarge"),
              positive(m, "credit"),
              Arrays.asList(m.get("modes").split(",")),
              Arrays.asList(m.get("payloads").split(",")),
              Arrays.stream(m.get("sends").split(",")).map(Sends::parse).toList());
      for (String mode : s.modes) {
        if (!mode.equals("broker") && !mode.equals("listener")) {
          throw new IllegalArgumentException("modes: broker and/or listener, was " + mode);
        }
      }
      for (String p : s.payloads) {
        if (!p.equals("1KB") && !p.equals("2MB")) {
          throw new IllegalArgumentException("payloads: 1KB and/or 2MB, was " + p);
        }
      }
      return s;
    }

    private static int positive(Map<String, String> m, String key) {
      int v = Integer.parseInt(m.get(key));
      if (v < 2) {
        throw new IllegalArgumentException(key + " must be at least 2, was " + v);
      }
      return v;
    }
  }

  /** counts what the endpoint hands over and completes every store at once. */
  private static final class CountingSink implements EnvelopeSink {
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);
    private final int expected;
    private final CountDownLatch latch;
    private final AtomicLong envelopes = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong first = new AtomicLong();
    private final AtomicLong last = new AtomicLong();
    private final AtomicReference<String> deadLetter = new AtomicReference<>();

    CountingSink(int expected) {
      this.expected = expected;
      this.latch = new CountDownLatch(expected);
    }

    @Override
    public CompletionStage<Void> store(InboundMessage message) {
      long now = System.nanoTime();
      first.compareAndSet(0, now);
      last.accumulateAndGet(now, Math::max);
      envelopes.addAndGet(message.envelopes().size());
      if (!message.deadLetters().isEmpty()) {
        deadLetters.addAndGet(message.deadLetters().size());
        deadLetter.compareAndSet(null, message.deadLetters().get(0).reason());
      }
      latch.countDown();
      return DONE;
    }

    void await() throws InterruptedException {
      if (!latch.await(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("only " + (expected - latch.getCount()) + " of " + expected + " messages arrived within " + RUN_TIMEOUT);
      }
    }

    /** every message must have decoded to exactly one envelope, or the numbers mean nothing. */
    void check(Payload p) {
      if (deadLetters.get() != 0 || envelopes.get() != expected) {
        throw new IllegalStateException(
            p.name() + ": " + envelopes.get() + " envelopes and " + deadLetters.get() + " dead letters for " + expected + " messages; first dead letter: " + deadLetter.get());
      }
    }

    double seconds() {
      return EndpointBenchmark.seconds(first.get(), last.get());
    }
  }

  /**
   * heap and garbage collection during one measurement.
   *
   * @param heapBytes the peak heap in use.
   * @param gcMillis the collectors' time (for G1: its pauses).
   */
  private record Sample(long heapBytes, long gcMillis) {}

  /** the peak of the JVM's heap in use, sampled every 5 ms by a daemon thread. */
  private static final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean stop;

    HeapSampler() {
      thread =
          new Thread(
              () -> {
                while (!stop) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
              },
              "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    private long gcMillisAtReset;

    void reset() {
      peak.set(memory.getHeapMemoryUsage().getUsed());
      gcMillisAtReset = gcMillis();
    }

    /** the peak since {@link #reset()} and the collectors' (pause) time since then. */
    Sample sample() {
      return new Sample(peak.get(), gcMillis() - gcMillisAtReset);
    }

    private static long gcMillis() {
      long sum = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        sum += Math.max(0, gc.getCollectionTime());
      }
      return sum;
    }

    @Override
    public void close() {
      stop = true;
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
