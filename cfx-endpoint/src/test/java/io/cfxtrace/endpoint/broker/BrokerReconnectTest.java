package io.cfxtrace.endpoint.broker;

import static io.cfxtrace.endpoint.broker.BrokerTesting.CODEC;
import static io.cfxtrace.endpoint.broker.BrokerTesting.await;
import static io.cfxtrace.endpoint.broker.BrokerTesting.subscription;
import static io.cfxtrace.endpoint.broker.BrokerTesting.uri;
import static io.cfxtrace.endpoint.broker.BrokerTesting.workStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.RecordingSink;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.endpoint.SubscriptionConfig;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * reconnecting with back-off while the broker is away: the status tells what is going on, the
 * delays follow the {@link ReconnectPolicy}, and the subscription recovers by itself.
 */
class BrokerReconnectTest {

  private static final String QUEUE = "cfx.reconnect";

  @RegisterExtension final EmbeddedArtemis broker = EmbeddedArtemis.builder().build();

  private CfxEndpoint endpoint;
  private final RecordingSink sink = new RecordingSink();

  @BeforeEach
  void start() {
    broker.createAnycastQueue(QUEUE);
    endpoint = BrokerTesting.endpoint("CfxTrace.Test.Reconnect");
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  @Timeout(30)
  void whileTheBrokerIsDownTheStatusIsReconnectingWithGrowingAttemptsNamingHostAndPort() {
    Subscription s = endpoint.subscribe(subscription(uri(broker), QUEUE), sink);
    await("connected", () -> s.status().isUp(), s::status);

    broker.stop();

    await("three failed attempts", () -> s.status().failedAttempts() >= 3, s::status);
    int seen = s.status().failedAttempts();
    await("more failed attempts", () -> s.status().failedAttempts() > seen, s::status);
    ChannelStatus status = s.status();
    assertThat(status.state()).isIn(ChannelStatus.State.RECONNECTING, ChannelStatus.State.CONNECTING);
    assertThat(status.lastError()).contains("127.0.0.1:" + broker.port());
  }

  @Test
  @Timeout(30)
  void aSubscriptionRecoversWhenTheBrokerIsBackAndReceivesWhatIsPublishedThen() throws Exception {
    Subscription s = endpoint.subscribe(subscription(uri(broker), QUEUE), sink);
    await("connected", () -> s.status().isUp(), s::status);
    broker.stop();
    await("two failed attempts", () -> s.status().failedAttempts() >= 2, s::status);

    broker.start();

    await("connected again", () -> s.status().isUp(), s::status);
    assertThat(s.status().failedAttempts()).isZero();
    assertThat(s.status().lastError()).isNull();
    CfxEnvelope sent = workStarted(1);
    try (JmsMachine machine = JmsMachine.connect(broker.amqpUri())) {
      machine.publishCfx(QUEUE, CODEC.encode(sent), true);
    }
    assertThat(sink.envelopes(1, 20)).containsExactly(sent);
  }

  @Test
  @Timeout(30)
  void reconnectDelaysDoubleFromTheInitialDelayUpToTheMaximum() {
    broker.stop();
    ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 2.0, 0.0);
    SubscriptionConfig config =
        new SubscriptionConfig("backoff", uri(broker), QUEUE, null, null, false, ListenerConfig.Limits.defaults(), policy);

    Subscription s = endpoint.subscribe(config, sink);

    // each failure stamps its status; a RECONNECTING state lasts at least 100 ms, far longer
    // than the polling step, so every failure is seen
    TreeMap<Integer, Instant> failedAt = new TreeMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (failedAt.size() < 6 && System.nanoTime() < deadline) {
      ChannelStatus status = s.status();
      if (status.state() == ChannelStatus.State.RECONNECTING) {
        failedAt.putIfAbsent(status.failedAttempts(), status.since());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    assertThat(failedAt.keySet()).containsExactly(1, 2, 3, 4, 5, 6);
    long[] expected = {100, 200, 400, 400, 400}; // delay before attempt 2..6; jitter 0
    for (int k = 1; k <= 5; k++) {
      long gap = Duration.between(failedAt.get(k), failedAt.get(k + 1)).toMillis();
      assertThat(gap).as("gap after failure %d", k).isGreaterThanOrEqualTo(expected[k - 1] - 5);
    }
    // uncapped, the last delay would be 1.6 s
    assertThat(Duration.between(failedAt.get(5), failedAt.get(6)).toMillis()).isLessThan(1600);
  }
}
