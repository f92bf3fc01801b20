package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.testing.JmsMachine;
import jakarta.jms.JMSSecurityException;
import java.time.Duration;
import java.util.Map;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Sasl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SASL on the listener (cfx-sdk-notes part b, "Security / authentication"): PLAIN against the
 * configured users, ANONYMOUS only when allowed. Qpid JMS plays the well-behaved machine; a bare
 * Proton-J client plays one that insists on a mechanism it was not offered, or skips SASL.
 */
@Timeout(30)
class SaslTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Map<String, String> USERS = Map.of("machine1", "s3cret", "machine2", "other");

  private TestListener under;

  @AfterEach
  void stop() {
    if (under != null) {
      under.close();
    }
  }

  private void startPlainOnly() throws Exception {
    under = TestListener.start(TestListener.anonymous().withSasl(USERS, false));
  }

  private JmsMachine.Builder machine() {
    return JmsMachine.builder(under.uri()).handle(Cfx.MACHINE);
  }

  @Test
  void plainWithTheRightPasswordIsAcceptedAndTheUserNamedInTheOrigin() throws Exception {
    startPlainOnly();
    JmsMachine machine = under.track(machine().credentials("machine1", "s3cret").connect());

    machine.publishCfx("cfx", Cfx.json(Cfx.workStarted(1)), true);

    assertThat(under.sink.next(10).origin().user()).isEqualTo("machine1");
  }

  @Test
  void plainWithAWrongPasswordIsRefused() throws Exception {
    startPlainOnly();

    assertThatThrownBy(() -> under.track(machine().credentials("machine1", "wrong").connect()))
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasCauseInstanceOf(JMSSecurityException.class)
        .hasMessageContaining("PLAIN");
  }

  @Test
  void plainWithAnotherUsersPasswordIsRefused() throws Exception {
    startPlainOnly();

    assertThatThrownBy(() -> under.track(machine().credentials("machine1", "other").connect()))
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasCauseInstanceOf(JMSSecurityException.class);
  }

  @Test
  void plainWithAnUnknownUserIsRefused() throws Exception {
    startPlainOnly();

    assertThatThrownBy(() -> under.track(machine().credentials("intruder", "s3cret").connect()))
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasCauseInstanceOf(JMSSecurityException.class);
  }

  @Test
  void refusedAuthenticationLeavesNoConnectionOpen() throws Exception {
    startPlainOnly();
    assertThatThrownBy(() -> under.track(machine().credentials("machine1", "wrong").connect())).isInstanceOf(JmsMachine.MachineException.class);

    TestListener.awaitCondition("no connection is open", WAIT, () -> under.listener.connectionCount() == 0);
  }

  @Test
  void listenerWithOnlyPlainUsersOffersNoAnonymous() throws Exception {
    startPlainOnly();

    try (RawAmqpClient client = RawAmqpClient.connect(under.listener.port())) {
      client.pumpUntil("the server lists its mechanisms", WAIT, () -> client.sasl.getRemoteMechanisms().length > 0);

      assertThat(client.sasl.getRemoteMechanisms()).containsExactly("PLAIN");
    }
  }

  @Test
  void jmsMachineWithoutCredentialsFindsNoMechanismItMayUse() throws Exception {
    startPlainOnly();

    assertThatThrownBy(() -> under.track(machine().connect()))
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasCauseInstanceOf(JMSSecurityException.class)
        .hasMessageContaining("Server offered: [PLAIN]");
  }

  @Test
  void anonymousIsRefusedWhenTheListenerDoesNotAllowItEvenIfTheClientInsists() throws Exception {
    startPlainOnly();

    try (RawAmqpClient client = RawAmqpClient.connect(under.listener.port())) {
      client.sasl.setMechanisms("ANONYMOUS"); // sent without looking at the offered list
      client.pumpUntil("the SASL outcome arrives", WAIT, () -> client.sasl.getOutcome() != Sasl.SaslOutcome.PN_SASL_NONE);

      assertThat(client.sasl.getOutcome()).isEqualTo(Sasl.SaslOutcome.PN_SASL_AUTH);
      client.pumpUntilClosed(WAIT);
    }
  }

  @Test
  void clientThatSkipsSaslIsRefusedWhenTheListenerRequiresPlain() throws Exception {
    startPlainOnly();

    try (RawAmqpClient client = RawAmqpClient.connectWithoutSasl(under.listener.port())) {
      client.connection.setContainer("Sneaky.Machine");
      client.connection.open();
      client.pumpUntilClosed(WAIT);

      assertThat(client.connection.getRemoteState()).isNotEqualTo(EndpointState.ACTIVE);
    }
    TestListener.awaitCondition("no connection is open", WAIT, () -> under.listener.connectionCount() == 0);
  }

  @Test
  void clientThatSkipsSaslIsLetInWhereAnonymousIsAllowed() throws Exception {
    under = TestListener.start(TestListener.anonymous());

    try (RawAmqpClient client = RawAmqpClient.connectWithoutSasl(under.listener.port())) {
      client.connection.setContainer("Bare.Machine");
      client.connection.open();
      client.pumpUntil("the listener opens the connection", WAIT, () -> client.connection.getRemoteState() == EndpointState.ACTIVE);

      assertThat(client.connection.getRemoteContainer()).isEqualTo(TestListener.HANDLE);
    }
  }

  @Test
  void anonymousIsAcceptedWhenAllowed() throws Exception {
    under = TestListener.start(TestListener.anonymous());
    JmsMachine machine = under.track(machine().saslMechanisms("ANONYMOUS").connect());

    machine.publishCfx("cfx", Cfx.json(Cfx.workStarted(1)), true);

    assertThat(under.sink.next(10).origin().user()).isNull();
  }

  @Test
  void listenerWithUsersAndAnonymousOffersBoth() throws Exception {
    under = TestListener.start(TestListener.anonymous().withSasl(USERS, true));

    try (RawAmqpClient client = RawAmqpClient.connect(under.listener.port())) {
      client.pumpUntil("the server lists its mechanisms", WAIT, () -> client.sasl.getRemoteMechanisms().length > 0);

      assertThat(client.sasl.getRemoteMechanisms()).containsExactlyInAnyOrder("PLAIN", "ANONYMOUS");
    }
  }

  @Test
  void plainUserIsAcceptedOnAListenerThatAlsoAllowsAnonymous() throws Exception {
    under = TestListener.start(TestListener.anonymous().withSasl(USERS, true));
    JmsMachine machine = under.track(machine().credentials("machine2", "other").connect());

    machine.publishCfx("cfx", Cfx.json(Cfx.workStarted(1)), true);

    assertThat(under.sink.next(10).origin().user()).isEqualTo("machine2");
  }
}
