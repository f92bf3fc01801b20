package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.TlsConfig;
import io.cfxtrace.endpoint.testing.JmsMachine;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * the listener over TLS ({@code amqps}, cfx-sdk-notes part b "Security / authentication"), with
 * certificates made by keytool for this run; optionally it requires a client certificate.
 */
@Timeout(60)
class TlsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir static Path dir;
  private static Keys keys;

  private TestListener under;

  @BeforeAll
  static void makeCertificates() {
    keys = Keys.generate(dir);
  }

  @AfterEach
  void stop() {
    if (under != null) {
      under.close();
    }
  }

  private void startTls() throws Exception {
    under = TestListener.start(TestListener.anonymous().withTls(TlsConfig.server(keys.serverKeyStore(), Keys.PASSWORD)));
  }

  private void startTlsRequiringClientCertificates() throws Exception {
    under =
        TestListener.start(
            TestListener.anonymous().withTls(new TlsConfig(keys.serverKeyStore(), Keys.PASSWORD, keys.serverTrustStore(), Keys.PASSWORD, true)));
  }

  private String amqps() {
    return "amqps://127.0.0.1:" + under.listener.port();
  }

  private JmsMachine.Builder trustingMachine() {
    return JmsMachine.builder(amqps())
        .handle(Cfx.MACHINE)
        .option("transport.storeType", "PKCS12")
        .trustStore(keys.clientTrustStore(), Keys.PASSWORD, true);
  }

  private JmsMachine.Builder withClientCertificate(JmsMachine.Builder b) {
    return b.option("transport.keyStoreLocation", keys.clientKeyStore().toAbsolutePath().toString()).option("transport.keyStorePassword", Keys.PASSWORD);
  }

  @Test
  void machineTrustingTheServerCertificatePublishesOverAmqps() throws Exception {
    startTls();
    JmsMachine machine = under.track(trustingMachine().connect());

    machine.publishCfx("cfx", Cfx.json(Cfx.workStarted(1)), true);

    assertThat(under.sink.next(10).envelopes()).hasSize(1);
  }

  @Test
  void machineThatDoesNotTrustTheServerCertificateCannotConnect() throws Exception {
    startTls();

    // the server trust store holds only the client certificate
    assertThatThrownBy(
            () -> under.track(JmsMachine.builder(amqps()).option("transport.storeType", "PKCS12").trustStore(keys.serverTrustStore(), Keys.PASSWORD, true).connect()))
        .isInstanceOf(JmsMachine.MachineException.class);
    TestListener.awaitCondition("no connection is open", WAIT, () -> under.listener.connectionCount() == 0);
  }

  @Test
  void plainAmqpMachineAgainstTheTlsPortCannotConnect() throws Exception {
    startTls();

    assertThatThrownBy(() -> under.track(JmsMachine.builder("amqp://127.0.0.1:" + under.listener.port()).connect()))
        .isInstanceOf(JmsMachine.MachineException.class);
    TestListener.awaitCondition("no connection is open", WAIT, () -> under.listener.connectionCount() == 0);
  }

  @Test
  void plainAmqpHeaderOnTheTlsPortIsRefusedWithoutWaitingForTheHandshakeTimeout() throws Exception {
    startTls();

    try (RawAmqpClient client = RawAmqpClient.connect(under.listener.port())) {
      client.sasl.setMechanisms("ANONYMOUS");

      // well below Netty's 10 s TLS handshake timeout, which would otherwise end the connection
      client.pumpUntilClosed(Duration.ofSeconds(3));
    }
  }

  @Test
  void listenerRequiringClientCertificatesRefusesAMachineWithout() throws Exception {
    startTlsRequiringClientCertificates();

    assertThatThrownBy(() -> under.track(trustingMachine().connect())).isInstanceOf(JmsMachine.MachineException.class);
    TestListener.awaitCondition("no connection is open", WAIT, () -> under.listener.connectionCount() == 0);
  }

  @Test
  void listenerRequiringClientCertificatesAcceptsAMachineWithATrustedOne() throws Exception {
    startTlsRequiringClientCertificates();
    JmsMachine machine = under.track(withClientCertificate(trustingMachine()).connect());

    machine.publishCfx("cfx", Cfx.json(Cfx.workStarted(1)), true);

    assertThat(under.sink.next(10).envelopes()).hasSize(1);
  }
}
