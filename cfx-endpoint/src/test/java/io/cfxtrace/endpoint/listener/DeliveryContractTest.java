package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import io.cfxtrace.model.codec.DecodeError.Kind;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * the listener's delivery contract as a publishing machine sees it (EnvelopeSink, cfx-sdk-notes
 * part b "Credit / settlement summary"): Accepted only once stored, Released when the store fails,
 * and undecodable payloads stored as dead letters and Accepted, because the SDK resends anything
 * else in a tight loop.
 */
@Timeout(30)
class DeliveryContractTest {

  private static final String ADDRESS = "CFXListener";
  private static final int MAX_MESSAGE = 256 * 1024;
  private static final int MAX_INFLATED = 1024 * 1024;

  private TestListener under;
  private JmsMachine machine;
  private final ExecutorService sender = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() throws Exception {
    ListenerConfig.Limits limits = ListenerConfig.Limits.defaults();
    limits =
        new ListenerConfig.Limits(
            limits.maxConnections(), limits.maxLinksPerConnection(), limits.maxFrameSize(), MAX_MESSAGE, MAX_INFLATED, limits.idleTimeout(), limits.credit());
    under = TestListener.start(TestListener.anonymous().withLimits(limits));
    machine = under.machine(Cfx.MACHINE);
  }

  @AfterEach
  void stop() throws InterruptedException {
    under.close();
    sender.shutdownNow();
    assertThat(sender.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void sendReturnsOnlyAfterTheStoreCompletes() throws Exception {
    CompletableFuture<Void> store = new CompletableFuture<>();
    under.sink.behave(m -> store);
    CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> machine.publishCfx(ADDRESS, Cfx.json(Cfx.workStarted(1)), true), sender);
    under.sink.next(10);
    // a request/response round trip on the same connection: had the delivery been settled on
    // arrival, that disposition would have reached the machine before this response
    machine.request(TestListener.HANDLE, Cfx.json(Cfx.request(new AreYouThereRequest(TestListener.HANDLE))), Duration.ofSeconds(10));

    assertThat(sent).as("send while the store is pending").isNotDone();

    store.complete(null);
    sent.get(10, TimeUnit.SECONDS);
  }

  @Test
  void failedStoreReleasesTheDeliveryAndTheMachineSendFails() throws Exception {
    under.sink.behave(m -> CompletableFuture.failedFuture(new IOException("event store unavailable")));

    // Qpid JMS, like the SDK, fails a send that is Released; it does not resend on its own
    assertThatThrownBy(() -> machine.publishCfx(ADDRESS, Cfx.json(Cfx.workStarted(1)), true))
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasCauseInstanceOf(JMSException.class)
        .hasMessageContaining("released");
    assertThat(under.sink.next(10).envelopes()).hasSize(1);
  }

  @Test
  void sinkThatThrowsIsTreatedAsAFailedStore() throws Exception {
    under.sink.behave(m -> {
      throw new IllegalStateException("sink bug");
    });

    assertThatThrownBy(() -> machine.publishCfx(ADDRESS, Cfx.json(Cfx.workStarted(1)), true))
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasMessageContaining("released");
    assertThat(under.sink.next(10).envelopes()).hasSize(1);
  }

  @Test
  void messageResentAfterAReleaseReachesTheSinkAgainAndIsAccepted() throws Exception {
    CfxEnvelope envelope = Cfx.workStarted(1);
    under.sink.behave(m -> CompletableFuture.failedFuture(new IOException("event store unavailable")));
    assertThatThrownBy(() -> machine.publishCfx(ADDRESS, Cfx.json(envelope), true)).isInstanceOf(JmsMachine.MachineException.class);
    under.sink.behave(m -> CompletableFuture.completedFuture(null));

    machine.publishCfx(ADDRESS, Cfx.json(envelope), true); // what the SDK's spool does after a Release

    List<CfxEnvelope> got = under.sink.envelopes(2, 10);
    assertThat(got).extracting(CfxEnvelope::uniqueId).containsExactly(envelope.uniqueId(), envelope.uniqueId());
  }

  static Stream<Arguments> undecodablePayloads() {
    byte[] valid = Cfx.json(Cfx.workStarted(1));
    byte[] gzip = JmsMachine.gzip(valid);
    byte[] spaces = new byte[2 * MAX_INFLATED];
    Arrays.fill(spaces, (byte) ' ');
    String workStarted = new String(valid, StandardCharsets.UTF_8);
    byte[] oversize = new byte[MAX_MESSAGE + 10_000];
    Arrays.fill(oversize, (byte) '{');
    return Stream.of(
        Arguments.of("not JSON", utf8("this is not JSON at all"), Kind.NOT_JSON, "not JSON"),
        Arguments.of("truncated gzip", Arrays.copyOf(gzip, gzip.length / 2), Kind.TRUNCATED_GZIP, "truncated"),
        Arguments.of("gzip bomb", JmsMachine.gzip(spaces), Kind.INFLATED_TOO_LARGE, "inflates beyond the limit of " + MAX_INFLATED),
        Arguments.of("missing MessageName", utf8(workStarted.replace("\"MessageName\":", "\"Name\":")), Kind.MISSING_MESSAGE_NAME, "MessageName"),
        Arguments.of("object where a list belongs", utf8(workStarted.replaceFirst("\"Units\":\\[\\]", "\"Units\":{}")), Kind.WRONG_TYPE, "$.MessageBody.Units"),
        Arguments.of("body over maxMessageSize", oversize, null, "exceeds the limit of " + MAX_MESSAGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("undecodablePayloads")
  void undecodablePayloadIsStoredAsADeadLetterAndAccepted(String what, byte[] payload, Kind kind, String reason) throws Exception {
    machine.publish(ADDRESS, payload, Map.of("cfx-handle", Cfx.MACHINE), false, "bad-" + what.replace(' ', '-')); // returns: Accepted

    InboundMessage got = under.sink.next(10);
    assertThat(got.envelopes()).isEmpty();
    assertThat(got.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(kind);
      assertThat(d.reason()).contains(reason);
      assertThat(d.payload()).isNotEmpty();
    });
  }

  @Test
  void batchWithOneBadEnvelopeKeepsTheGoodOnesAndDeadLettersOnlyTheBadOne() throws Exception {
    String good0 = new String(Cfx.json(Cfx.workStarted(0)), StandardCharsets.UTF_8);
    String good2 = new String(Cfx.json(Cfx.workStarted(2)), StandardCharsets.UTF_8);
    String bad = "{\"Version\":\"2.1\",\"MessageBody\":{}}";

    machine.publish(ADDRESS, utf8("[" + good0 + "," + bad + "," + good2 + "]"), Map.of(), false, "batch-1");

    InboundMessage got = under.sink.next(10);
    assertThat(got.envelopes()).extracting(InboundMessage.Envelope::index).containsExactly(0, 2);
    assertThat(got.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.index()).isEqualTo(1);
      assertThat(d.kind()).isEqualTo(Kind.MISSING_MESSAGE_NAME);
      assertThat(new String(d.payload(), StandardCharsets.UTF_8)).isEqualTo(bad);
    });
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
