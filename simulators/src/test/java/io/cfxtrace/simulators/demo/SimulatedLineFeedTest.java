package io.cfxtrace.simulators.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.simulators.line.Emission;
import io.cfxtrace.simulators.line.LineSimulator;
import io.cfxtrace.simulators.line.SimulationPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * the demo's line against a listener that notes when each envelope arrives: no envelope arrives
 * before the time its TimeStamp says its event happened, for a new line after its backlog and for
 * a line that continues from its state file.
 */
@Timeout(180)
class SimulatedLineFeedTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** a line that runs for days, so it is still running when it has caught up. */
  private static final int BOARDS = 100_000;

  private record Arrival(Instant at, CfxEnvelope envelope) {
    Instant happened() {
      return envelope.timeStamp().toInstant(ZoneOffset.UTC);
    }
  }

  @TempDir Path dir;
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  private CfxEndpoint endpoint;
  private AmqpUri target;

  @BeforeEach
  void listen() throws Exception {
    endpoint = CfxEndpoint.start(EndpointIdentity.of("CfxTrace.Test", null), CfxEndpoint.Options.defaults());
    Listener listener = endpoint.listen(ListenerConfig.anonymous("test", "127.0.0.1", 0), (InboundMessage m) -> {
      Instant at = Instant.now();
      m.envelopes().forEach(e -> arrivals.add(new Arrival(at, e.envelope())));
      return CompletableFuture.completedFuture(null);
    });
    target = AmqpUri.parse("amqp://127.0.0.1:" + listener.port() + "/cfx");
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  /** waits until an envelope arrived that matches, with a deadline. */
  private void awaitArrival(Predicate<Arrival> what, String description) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (arrivals.stream().noneMatch(what)) {
      assertThat(System.nanoTime()).as("waiting for %s; %d envelopes arrived", description, arrivals.size()).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private void assertNoneArrivedBeforeItHappened() {
    assertThat(arrivals).isNotEmpty();
    assertThat(arrivals).allSatisfy(a -> assertThat(a.at()).as("arrival of %s %s, which happened at %s", a.envelope().messageName(),
        a.envelope().uniqueId(), a.happened()).isAfterOrEqualTo(a.happened()));
  }

  @Test
  void aNewLinePublishesItsBacklogThenNeverAnEventBeforeItHappens() throws Exception {
    Instant started = Instant.now();
    try (SimulatedLineFeed feed = new SimulatedLineFeed(dir.resolve("line"), 0, 7, BOARDS)) {
      feed.start(target);

      // events from after the start arrive only in real time
      awaitArrival(a -> a.happened().isAfter(started.plusSeconds(2)), "an event that happened after the start");
      assertThat(feed.description()).contains("its clock never runs ahead of real time");
    }

    assertNoneArrivedBeforeItHappened();
    Instant earliest = arrivals.stream().map(Arrival::happened).min(Instant::compareTo).orElseThrow();
    assertThat(earliest).as("the backlog starts an hour back").isBefore(started.minus(SimulatedLineFeed.BACKLOG).plusSeconds(5));
  }

  @Test
  void aLineContinuingFromItsStateFileCatchesUpAndThenNeverPublishesAnEventBeforeItHappens() throws Exception {
    // a line that began half an hour ago and whose listener had accepted what happened up to three
    // minutes ago when the demo stopped
    OffsetDateTime start = OffsetDateTime.now(Clock.systemDefaultZone()).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS);
    long seed = 11;
    Instant stoppedAt = Instant.now().minus(Duration.ofMinutes(3));
    LineSimulator truth = new LineSimulator(new SimulationPlan(1, BOARDS, SimulatedLineFeed.PANEL_SIZE, seed, start), link -> {});
    Set<String> accepted = new HashSet<>();
    Emission next = truth.next();
    while (next.time().isBefore(stoppedAt)) {
      accepted.add(next.envelope().uniqueId());
      next = truth.next();
    }
    Path lineDir = Files.createDirectories(dir.resolve("line"));
    ObjectNode state = JSON.createObjectNode().put("seed", seed).put("start", start.toString()).put("accepted", accepted.size());
    Files.writeString(lineDir.resolve("line.json"), JSON.writeValueAsString(state));
    String continuesWith = next.envelope().uniqueId();

    Instant started = Instant.now();
    try (SimulatedLineFeed feed = new SimulatedLineFeed(lineDir, 0, 1, BOARDS)) {
      feed.start(target);
      // the next event happened a little after the stop, so the line is two or three minutes behind
      assertThat(feed.description()).containsPattern("continuing after " + accepted.size() + " envelopes, [23] min behind real time: it catches"
          + " up as fast as the listener takes it, then runs in real time");

      awaitArrival(a -> a.happened().isAfter(started.plusSeconds(2)), "an event that happened after the restart");
    }

    assertNoneArrivedBeforeItHappened();
    assertThat(arrivals).extracting(a -> a.envelope().uniqueId()).contains(continuesWith).doesNotContainAnyElementsOf(accepted);
  }

  @Test
  void aLineWhoseClockAnOlderVersionRanAheadSaysSoAndWaitsForRealTime() throws Exception {
    OffsetDateTime start = OffsetDateTime.now(Clock.systemDefaultZone()).plusHours(4).truncatedTo(ChronoUnit.SECONDS);
    Path lineDir = Files.createDirectories(dir.resolve("line"));
    Files.writeString(lineDir.resolve("line.json"), JSON.writeValueAsString(JSON.createObjectNode().put("seed", 3).put("start", start.toString())
        .put("accepted", 40)));

    try (SimulatedLineFeed feed = new SimulatedLineFeed(lineDir, 20, 1, BOARDS)) {
      feed.start(target);

      assertThat(feed.description()).containsPattern("its clock is 4 h [0-9]+ min ahead of real time")
          .contains("nothing new is published until then; delete " + lineDir + " to start a new line");
    }
    assertThat(arrivals).as("nothing from the future").isEmpty();
  }
}
