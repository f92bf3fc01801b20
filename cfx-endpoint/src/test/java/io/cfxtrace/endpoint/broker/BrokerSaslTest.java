package io.cfxtrace.endpoint.broker;

import static io.cfxtrace.endpoint.broker.BrokerTesting.CODEC;
import static io.cfxtrace.endpoint.broker.BrokerTesting.await;
import static io.cfxtrace.endpoint.broker.BrokerTesting.subscription;
import static io.cfxtrace.endpoint.broker.BrokerTesting.workStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.RecordingSink;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SASL against a secured broker: user info in the URI means SASL PLAIN, none means ANONYMOUS, as
 * the SDK does (cfx-sdk-notes part b, "Security / authentication"). A refused login is a status,
 * retried with back-off, never an exception to the caller.
 */
class BrokerSaslTest {

  private static final String USER = "cfx";
  private static final String PASSWORD = "s3cret-pw";
  private static final String WRONG_PASSWORD = "not-the-password-42";
  private static final String QUEUE = "cfx.secured";

  private EmbeddedArtemis broker;
  private CfxEndpoint endpoint;
  private final RecordingSink sink = new RecordingSink();

  @BeforeEach
  void start() {
    broker = EmbeddedArtemis.builder().user(USER, PASSWORD).start();
    broker.createAnycastQueue(QUEUE);
    endpoint = BrokerTesting.endpoint("CfxTrace.Test.Sasl");
  }

  @AfterEach
  void stop() {
    endpoint.close();
    broker.close();
  }

  private AmqpUri uriWith(String user, String password) {
    return AmqpUri.parse(broker.amqpUri(user, password));
  }

  @Test
  @Timeout(30)
  void theRightPasswordAuthenticatesWithSaslPlainAndMessagesArrive() throws Exception {
    CfxEnvelope sent = workStarted(7);
    endpoint.subscribe(subscription(uriWith(USER, PASSWORD), QUEUE), sink);

    try (JmsMachine machine = JmsMachine.connect(broker.amqpUri(), USER, PASSWORD)) {
      machine.publishCfx(QUEUE, CODEC.encode(sent), true);
    }

    assertThat(sink.envelopes(1, 20)).containsExactly(sent);
  }

  @Test
  @Timeout(30)
  void aWrongPasswordIsReportedInTheStatusAndRetriedWithoutThrowingToTheCaller() {
    Subscription s = endpoint.subscribe(subscription(uriWith(USER, WRONG_PASSWORD), QUEUE), sink);

    await(
        "three refused logins in a row",
        () -> s.status().failedAttempts() >= 3 && s.status().lastError() != null,
        s::status);
    ChannelStatus status = s.status();
    assertThat(status.state()).isIn(ChannelStatus.State.RECONNECTING, ChannelStatus.State.CONNECTING);
    assertThat(status.lastError())
        .contains("SASL PLAIN for user " + USER + " was refused")
        .contains("127.0.0.1:" + broker.port())
        .doesNotContain(WRONG_PASSWORD);
    assertThat(sink.queued()).isZero();
  }

  @Test
  @Timeout(30)
  void aSubscriptionRefusedForItsPasswordConnectsOnceTheBrokerAcceptsIt() throws Exception {
    Subscription s = endpoint.subscribe(subscription(uriWith(USER, WRONG_PASSWORD), QUEUE), sink);
    await("a refused login", () -> s.status().failedAttempts() >= 1, s::status);
    int port = broker.port();

    // the operator changes the broker's credentials; the subscription keeps retrying meanwhile
    broker.close();
    broker = EmbeddedArtemis.builder().port(port).user(USER, WRONG_PASSWORD).start();
    broker.createAnycastQueue(QUEUE);

    await("the subscription is connected", () -> s.status().isUp(), s::status);
    assertThat(s.status().failedAttempts()).isZero();
    CfxEnvelope sent = workStarted(8);
    try (JmsMachine machine = JmsMachine.connect(broker.amqpUri(), USER, WRONG_PASSWORD)) {
      machine.publishCfx(QUEUE, CODEC.encode(sent), false);
    }
    assertThat(sink.envelopes(1, 20)).containsExactly(sent);
  }

  @Test
  @Timeout(30)
  void anAnonymousSubscriptionRefusedAfterTheOpenCountsEveryRefusalAsAFailedAttempt() {
    // Artemis takes SASL ANONYMOUS, then answers the open with open + close(unauthorized-access);
    // that open must not count as a success, or the back-off would restart at every attempt
    Subscription s = endpoint.subscribe(subscription(AmqpUri.parse(broker.amqpUri()), QUEUE), sink);

    await(
        "three refused connections in a row",
        () -> s.status().failedAttempts() >= 3 && s.status().lastError() != null,
        s::status);
    assertThat(s.status().state()).isNotEqualTo(ChannelStatus.State.CONNECTED);
    assertThat(s.status().lastError()).contains("amqp:unauthorized-access").contains("127.0.0.1:" + broker.port());
  }
}
