package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.ResourceAllocationException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import org.apache.qpid.proton.amqp.transport.AmqpError;
import org.apache.qpid.proton.engine.EndpointState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** the listener's resource limits and address restriction, as a Qpid JMS machine meets them. */
@Timeout(30)
class ListenerLimitsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private TestListener under;

  @AfterEach
  void stop() {
    if (under != null) {
      under.close();
    }
  }

  private static ListenerConfig withConnections(int connections, int links) {
    return TestListener.anonymous().withLimits(ListenerConfig.Limits.defaults().withConnections(connections, links));
  }

  @Test
  void connectionOverTheLimitIsRefusedWithResourceLimitExceeded() throws Exception {
    under = TestListener.start(withConnections(2, 64));
    under.machine("Machine.1");
    under.machine("Machine.2");

    assertThatThrownBy(() -> under.machine("Machine.3"))
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasCauseInstanceOf(ResourceAllocationException.class)
        .hasMessageContaining("allows 2 connections");
  }

  @Test
  void closedAndRefusedConnectionsGiveBackTheirSlots() throws Exception {
    under = TestListener.start(withConnections(2, 64));
    JmsMachine first = under.machine("Machine.1");
    under.machine("Machine.2");
    assertThatThrownBy(() -> under.machine("Machine.3")).isInstanceOf(JmsMachine.MachineException.class);

    first.close();
    TestListener.awaitCondition("one connection is left", WAIT, () -> under.listener.connectionCount() == 1);

    JmsMachine next = under.machine("Machine.4");
    next.publishCfx("cfx", Cfx.json(Cfx.workStarted(1)), true);
    assertThat(under.sink.next(10).envelopes()).hasSize(1);
  }

  @Test
  void linkOverTheLimitIsRefusedWithResourceLimitExceededAndTheConnectionStaysUsable() throws Exception {
    under = TestListener.start(withConnections(10, 2));
    JmsMachine machine = under.machine(Cfx.MACHINE);
    machine.publishCfx("a", Cfx.json(Cfx.workStarted(1)), true);
    machine.publishCfx("b", Cfx.json(Cfx.workStarted(2)), true);

    assertThatThrownBy(() -> machine.publishCfx("c", Cfx.json(Cfx.workStarted(3)), true))
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasCauseInstanceOf(ResourceAllocationException.class)
        .hasMessageContaining("allows 2 links per connection");
    machine.publishCfx("a", Cfx.json(Cfx.workStarted(4)), true);
    assertThat(under.sink.envelopes(3, 10)).extracting(Cfx::lane).containsExactly(1, 2, 4);
  }

  @Test
  void closedLinksGiveBackTheirSlots() throws Exception {
    under = TestListener.start(withConnections(10, 2));
    JmsMachine machine = under.machine(Cfx.MACHINE);

    // each request attaches two links (request sender, reply receiver) and detaches them after
    for (int i = 0; i < 3; i++) {
      byte[] response = machine.request(TestListener.HANDLE, Cfx.json(Cfx.request(new AreYouThereRequest(TestListener.HANDLE))), WAIT);
      assertThat(JmsMachine.envelopeField(response, "MessageName")).isEqualTo("CFX.AreYouThereResponse");
    }
  }

  @Test
  void publishingToAnAddressNotServedIsRefusedWithNotFound() throws Exception {
    under = TestListener.start(TestListener.anonymous().withAddresses(Set.of("/exchange/cfx")));
    JmsMachine machine = under.machine(Cfx.MACHINE);

    assertThatThrownBy(() -> machine.publishCfx("/exchange/other", Cfx.json(Cfx.workStarted(1)), true))
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasCauseInstanceOf(InvalidDestinationException.class)
        .hasMessageContaining("\"/exchange/other\"")
        .hasMessageContaining("/exchange/cfx");
  }

  @Test
  void publishingToAServedAddressOfARestrictedListenerWorks() throws Exception {
    under = TestListener.start(TestListener.anonymous().withAddresses(Set.of("/exchange/cfx")));
    JmsMachine machine = under.machine(Cfx.MACHINE);

    machine.publishCfx("/exchange/cfx", Cfx.json(Cfx.workStarted(1)), true);

    assertThat(under.sink.next(10).origin().address()).isEqualTo("/exchange/cfx");
  }

  @Test
  void requestsAreServedEvenWhenTheListenerRestrictsItsAddresses() throws Exception {
    under = TestListener.start(TestListener.anonymous().withAddresses(Set.of("/exchange/cfx")));
    JmsMachine machine = under.machine(Cfx.MACHINE);

    byte[] response = machine.request(TestListener.HANDLE, Cfx.json(Cfx.request(new AreYouThereRequest(TestListener.HANDLE))), WAIT);

    assertThat(JmsMachine.envelopeField(response, "MessageName")).isEqualTo("CFX.AreYouThereResponse");
  }

  @Test
  void silentTcpConnectionIsDroppedAfterTheIdleTimeout() throws Exception {
    under = TestListener.start(TestListener.anonymous().withLimits(ListenerConfig.Limits.defaults().withIdleTimeout(Duration.ofMillis(300))));

    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", under.listener.port()), 5000);
      socket.setSoTimeout(10_000);
      TestListener.awaitCondition("the listener counts the connection", WAIT, () -> under.listener.connectionCount() == 1);
      InputStream in = socket.getInputStream();

      in.readAllBytes(); // returns at end of stream; a SocketTimeoutException means it was never dropped
    }
    TestListener.awaitCondition("the connection is gone", WAIT, () -> under.listener.connectionCount() == 0);
  }

  @Test
  void openedConnectionThatFallsSilentIsClosedAfterTheIdleTimeout() throws Exception {
    under = TestListener.start(TestListener.anonymous().withLimits(ListenerConfig.Limits.defaults().withIdleTimeout(Duration.ofMillis(300))));

    try (RawAmqpClient client = RawAmqpClient.connect(under.listener.port())) {
      client.sasl.setMechanisms("ANONYMOUS");
      client.connection.open();
      client.pumpUntil("the listener opens the connection", WAIT, () -> client.connection.getRemoteState() == EndpointState.ACTIVE);

      client.pumpUntilClosed(WAIT); // the client never ticks its transport: no heartbeats

      assertThat((Object) client.connection.getRemoteCondition().getCondition()).isEqualTo(AmqpError.RESOURCE_LIMIT_EXCEEDED);
      assertThat(client.connection.getRemoteCondition().getDescription()).contains("idle");
    }
  }

  @Test
  void listenerSendsHeartbeatsWithinTheIdleTimeoutTheMachineAnnounces() throws Exception {
    under = TestListener.start();

    try (RawAmqpClient client = RawAmqpClient.connect(under.listener.port())) {
      client.sasl.setMechanisms("ANONYMOUS");
      client.transport.setIdleTimeout(400); // the listener must send something every 200 ms
      client.connection.open();
      client.pumpUntil("the listener opens the connection", WAIT, () -> client.connection.getRemoteState() == EndpointState.ACTIVE);
      long afterOpen = client.bytesRead();

      // an empty AMQP frame is 8 bytes; nothing else is due on an idle connection
      client.pumpUntil("three heartbeats arrive", WAIT, () -> client.bytesRead() >= afterOpen + 3 * 8);

      assertThat(client.endOfStream()).isFalse();
    }
  }
}
