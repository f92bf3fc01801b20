package io.cfxtrace.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.simulators.line.LineSimulator;
import io.cfxtrace.simulators.line.SimulationPlan;
import io.cfxtrace.simulators.record.RecordedLine;
import io.cfxtrace.simulators.record.RecordingFormat;
import io.cfxtrace.simulators.replay.RecordingReader;
import io.cfxtrace.simulators.testing.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cfx simulate} and {@code ./cfx record} in their broker role (issue #6: "publishes to a
 * broker address", "captures CFX traffic from a broker address"), against an embedded Artemis
 * broker that requires SASL PLAIN, as a plant's RabbitMQ would. Both commands run in-process
 * through picocli, as from the shell.
 */
@Timeout(120)
class BrokerPathTest {

  private static final String USER = "cfx";
  private static final String PASSWORD = "s3cret-pw";
  private static final int BOARDS = 8;
  private static final long SEED = 5;
  private static final String START = "2026-05-04T06:00:00+02:00";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** one broker for the class; each test uses an address of its own. */
  @RegisterExtension static final EmbeddedArtemis BROKER = EmbeddedArtemis.builder().user(USER, PASSWORD).build();

  /** runs {@code record}, which blocks until its --count, beside the test thread. */
  private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "broker-path-test-record");
    t.setDaemon(true);
    return t;
  });

  @AfterAll
  static void stopBackground() {
    BACKGROUND.shutdownNow();
  }

  private static CliRun cfx(String... args) {
    return CliRun.of(args);
  }

  private static String uri(String address) {
    return BROKER.amqpUri(USER, PASSWORD) + "/" + address;
  }

  /** the UniqueIDs the seeded simulation generates, in emission order, without publishing anything. */
  private static List<String> generatedUniqueIds() {
    LineSimulator sim = new LineSimulator(new SimulationPlan(1, BOARDS, 4, SEED, OffsetDateTime.parse(START)), link -> {});
    List<String> ids = new ArrayList<>();
    sim.forEachRemaining(e -> ids.add(e.envelope().uniqueId()));
    return ids;
  }

  private static CliRun simulate(String address) {
    return cfx("simulate", "--fast", "--target=" + uri(address), "--boards=" + BOARDS, "--seed=" + SEED, "--start=" + START,
        "--drain-timeout=60");
  }

  /** the count from simulate's closing line "published N envelopes, all accepted by ...". */
  private static int publishedCount(CliRun simulate) {
    Matcher m = Pattern.compile("published (\\d+) envelopes, all accepted by ").matcher(simulate.out());
    assertThat(m.find()).as("simulate's output: %s / %s", simulate.out(), simulate.err()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static List<RecordedLine> recordedLines(Path recording) throws Exception {
    List<RecordedLine> lines = new ArrayList<>();
    try (RecordingReader reader = RecordingReader.open(recording)) {
      RecordingReader.Line line;
      while ((line = reader.next()) != null) {
        lines.add(RecordingFormat.parse(line.text(), JSON));
      }
    }
    return lines;
  }

  private static List<String> recordedUniqueIds(Path recording) throws Exception {
    return recordedLines(recording).stream().map(r -> r.envelope().path("UniqueID").asText()).toList();
  }

  private static long consumers(String queue) {
    Queue q = BROKER.server().locateQueue(SimpleString.of(queue));
    return q == null ? 0 : q.getConsumerCount();
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("waited %s for %s", WAIT, what).isNegative();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  @Test
  void simulatePublishesIntoTheBrokerWhileRecordTakesEveryEnvelopeOffTheAddress(@TempDir Path dir) throws Exception {
    String address = "cfx.live";
    List<String> expected = generatedUniqueIds();
    assertThat(expected).hasSizeGreaterThan(BOARDS).doesNotHaveDuplicates();
    Path recording = dir.resolve("live.jsonl");

    // record first: its subscription auto-creates the address (ANYCAST, the broker's default here)
    CompletableFuture<CliRun> record = CompletableFuture.supplyAsync(
        () -> cfx("record", "--from=" + uri(address), "--output=" + recording, "--count=" + expected.size()), BACKGROUND);
    await("record to subscribe to " + address, () -> consumers(address) > 0 || record.isDone());
    assertThat(record.isDone()).as("record ended before subscribing: %s", record.getNow(null)).isFalse();

    CliRun sim = simulate(address);

    assertThat(sim.exit()).as("simulate: %s / %s", sim.out(), sim.err()).isZero();
    assertThat(publishedCount(sim)).isEqualTo(expected.size());
    assertThat(sim.out() + sim.err()).contains("amqp://cfx:***@127.0.0.1:" + BROKER.port() + "/" + address).doesNotContain(PASSWORD);
    CliRun rec = record.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(rec.exit()).as("record: %s / %s", rec.out(), rec.err()).isZero();
    assertThat(rec.err()).contains("recorded " + expected.size() + " messages (" + expected.size() + " envelopes, 0 undecodable)")
        .doesNotContain(PASSWORD);
    // ten stations publish over ten connections: the order holds per station, not across them
    assertThat(recordedUniqueIds(recording)).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    // the broker passes the SDK's AMQP properties through: message-id is the UniqueID, gzip bodies
    for (RecordedLine line : recordedLines(recording)) {
      assertThat(line.properties().path("messageId").asText()).isEqualTo(line.envelope().path("UniqueID").asText());
      assertThat(line.properties().path("contentEncoding").asText()).isEqualTo("gzip");
    }
    assertThat(BROKER.messageCount(address)).isZero();
  }

  @Test
  void recordTakesWhatTheBrokerKeptBeforeItAttached(@TempDir Path dir) throws Exception {
    String address = "cfx.kept";
    BROKER.createAnycastQueue(address);
    List<String> expected = generatedUniqueIds();

    CliRun sim = simulate(address);

    assertThat(sim.exit()).as("simulate: %s / %s", sim.out(), sim.err()).isZero();
    int published = publishedCount(sim);
    assertThat(published).isEqualTo(expected.size());
    // "all accepted" means stored: the durable anycast queue holds every envelope, no consumer yet
    assertThat(BROKER.messageCount(address)).isEqualTo(published);

    Path recording = dir.resolve("kept.jsonl.gz");
    CliRun rec = cfx("record", "--from=" + uri(address), "--output=" + recording, "--count=" + published);

    assertThat(rec.exit()).as("record: %s / %s", rec.out(), rec.err()).isZero();
    assertThat(rec.err()).contains("recorded " + published + " messages (" + published + " envelopes, 0 undecodable)");
    assertThat(recordedUniqueIds(recording)).hasSize(published).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(BROKER.messageCount(address)).isZero();
  }
}
