package io.cfxtrace.endpoint.broker;

import static io.cfxtrace.endpoint.broker.BrokerTesting.CODEC;
import static io.cfxtrace.endpoint.broker.BrokerTesting.await;
import static io.cfxtrace.endpoint.broker.BrokerTesting.consumerCount;
import static io.cfxtrace.endpoint.broker.BrokerTesting.fastReconnect;
import static io.cfxtrace.endpoint.broker.BrokerTesting.workStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.RecordingSink;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.endpoint.SubscriptionConfig;
import io.cfxtrace.endpoint.TlsConfig;
import io.cfxtrace.endpoint.listener.Keys;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis.StoredMessage;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.Symbol;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * broker mode over TLS ({@code amqps}, cfx-sdk-notes part b "Security / authentication"): an
 * embedded Artemis with a TLS AMQP acceptor whose certificates keytool makes for this run. A
 * subscription or publisher that trusts the broker's certificate works as over plain AMQP; one
 * whose trust (or client certificate) does not fit reports a TLS error in its status and keeps
 * retrying, never throwing to the caller.
 */
@Timeout(60)
class BrokerTlsTest {

  private static final String QUEUE = "cfx.tls";

  @TempDir static Path keyDir;
  private static Keys keys;

  @TempDir Path spoolDir;

  private @Nullable EmbeddedArtemis broker;
  private CfxEndpoint endpoint;
  private final RecordingSink sink = new RecordingSink();

  @BeforeAll
  static void makeCertificates() {
    keys = Keys.generate(keyDir);
  }

  @BeforeEach
  void startEndpoint() {
    endpoint = BrokerTesting.endpoint("CfxTrace.Test.Tls");
  }

  @AfterEach
  void stop() {
    endpoint.close();
    if (broker != null) {
      broker.close();
    }
  }

  /** a broker whose AMQP acceptor speaks only TLS, with the server certificate of {@link #keys}. */
  private EmbeddedArtemis.Builder tlsBroker() {
    return EmbeddedArtemis.builder()
        .acceptorParam("sslEnabled", "true")
        .acceptorParam("keyStoreType", "PKCS12")
        .acceptorParam("keyStorePath", keys.serverKeyStore().toString())
        .acceptorParam("keyStorePassword", Keys.PASSWORD);
  }

  private void startTlsBroker() {
    broker = tlsBroker().start();
    broker.createAnycastQueue(QUEUE);
  }

  /** the same broker, and it refuses clients without a certificate its trust store holds. */
  private void startTlsBrokerRequiringClientCertificates() {
    broker =
        tlsBroker()
            .acceptorParam("needClientAuth", "true")
            .acceptorParam("trustStoreType", "PKCS12")
            .acceptorParam("trustStorePath", keys.serverTrustStore().toString())
            .acceptorParam("trustStorePassword", Keys.PASSWORD)
            .start();
    broker.createAnycastQueue(QUEUE);
  }

  private AmqpUri amqps() {
    return AmqpUri.parse("amqps://127.0.0.1:" + broker.port() + "/" + QUEUE);
  }

  private Subscription subscribe(@Nullable TlsConfig tls) {
    AmqpUri uri = amqps();
    return endpoint.subscribe(
        new SubscriptionConfig("sub-tls", uri, uri.requireAddress(), null, tls, false, ListenerConfig.Limits.defaults(), fastReconnect()), sink);
  }

  /** trusts the broker's certificate and has no certificate of its own. */
  private static TlsConfig trustingTheBroker() {
    return TlsConfig.trusting(keys.clientTrustStore(), Keys.PASSWORD);
  }

  /** trusts the broker's certificate and presents the client certificate. */
  private static TlsConfig withClientCertificate() {
    return new TlsConfig(keys.clientKeyStore(), Keys.PASSWORD, keys.clientTrustStore(), Keys.PASSWORD, false);
  }

  /** a Qpid JMS machine on amqps trusting the broker (and presenting the client certificate if asked). */
  private JmsMachine machine(boolean clientCertificate) {
    JmsMachine.Builder b =
        JmsMachine.builder("amqps://127.0.0.1:" + broker.port())
            .option("transport.storeType", "PKCS12")
            .trustStore(keys.clientTrustStore(), Keys.PASSWORD, true);
    if (clientCertificate) {
      b.option("transport.keyStoreLocation", keys.clientKeyStore().toAbsolutePath().toString()).option("transport.keyStorePassword", Keys.PASSWORD);
    }
    return b.connect();
  }

  @Test
  void subscriptionTrustingTheBrokerCertificateReceivesWhatAMachinePublishesOverAmqps() throws Exception {
    startTlsBroker();
    Subscription s = subscribe(trustingTheBroker());
    await("the subscription is connected over TLS", () -> s.status().isUp(), s::status);
    CfxEnvelope sent = workStarted(1);

    try (JmsMachine machine = machine(false)) {
      machine.publishCfx(QUEUE, CODEC.encode(sent), true);
    }

    assertThat(sink.envelopes(1, 20)).containsExactly(sent);
  }

  @Test
  void publisherTrustingTheBrokerCertificateDeliversOverAmqps() throws Exception {
    startTlsBroker();
    CfxEnvelope sent = workStarted(2);
    AmqpUri uri = amqps();
    PublisherConfig config =
        new PublisherConfig(
            "pub-tls", uri, uri.requireAddress(), null, trustingTheBroker(), true, spoolDir, SpoolOptions.defaults(), 64, Duration.ZERO, fastReconnect());

    try (Publisher publisher = endpoint.publisher(config)) {
      publisher.publish(sent).toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertThat(publisher.pending()).isZero();
    }

    broker.awaitMessageCount(QUEUE, 1, java.time.Duration.ofSeconds(20));
    List<StoredMessage> stored = broker.browse(QUEUE);
    assertThat(stored).singleElement().satisfies(m -> {
      assertThat(m.properties().getMessageId()).isEqualTo(sent.uniqueId());
      assertThat((Object) m.properties().getContentEncoding()).isEqualTo(Symbol.valueOf("gzip"));
      assertThat(CODEC.decodeEnvelope(m.dataBytes())).isEqualTo(sent);
    });
  }

  @Test
  void subscriptionOnTheJvmDefaultTrustReportsATlsErrorAndKeepsRetryingWithoutThrowing() {
    startTlsBroker();

    // no TlsConfig: the JVM's default trust (cacerts) does not hold the self-signed broker certificate
    Subscription s = subscribe(null);

    await(
        "three failed TLS handshakes in a row",
        () -> s.status().failedAttempts() >= 3 && s.status().lastError() != null,
        s::status);
    ChannelStatus status = s.status();
    assertThat(status.state()).isIn(ChannelStatus.State.RECONNECTING, ChannelStatus.State.CONNECTING);
    assertThat(status.lastError()).contains("TLS failed").contains("127.0.0.1:" + broker.port());
    assertThat(consumerCount(broker, QUEUE)).isZero();
    assertThat(sink.queued()).isZero();
  }

  @Test
  void subscriptionWithATrustedClientCertificateConnectsToABrokerThatRequiresOne() throws Exception {
    startTlsBrokerRequiringClientCertificates();
    Subscription s = subscribe(withClientCertificate());
    await("the subscription is connected with its client certificate", () -> s.status().isUp(), s::status);
    CfxEnvelope sent = workStarted(3);

    try (JmsMachine machine = machine(true)) {
      machine.publishCfx(QUEUE, CODEC.encode(sent), false);
    }

    assertThat(sink.envelopes(1, 20)).containsExactly(sent);
  }

  @Test
  void subscriptionWithoutAClientCertificateIsRefusedByABrokerThatRequiresOneAndKeepsRetrying() {
    startTlsBrokerRequiringClientCertificates();

    Subscription s = subscribe(trustingTheBroker());

    await(
        "three refused connections in a row",
        () -> s.status().failedAttempts() >= 3 && s.status().lastError() != null,
        s::status);
    ChannelStatus status = s.status();
    assertThat(status.state()).isIn(ChannelStatus.State.RECONNECTING, ChannelStatus.State.CONNECTING);
    assertThat(status.lastError()).contains("TLS failed").contains("127.0.0.1:" + broker.port());
    assertThat(consumerCount(broker, QUEUE)).isZero();
  }
}
