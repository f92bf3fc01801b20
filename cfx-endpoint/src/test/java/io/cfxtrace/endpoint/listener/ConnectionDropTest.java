package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * a machine's connection breaks while its message is being stored (at-least-once, cfx-sdk-notes
 * part b "Durable spooling"): nothing is settled on the dead connection, the machine's resend is
 * stored again, and the endpoint keeps no trace of the dead delivery. The machine reaches the
 * listener through a {@link TcpProxy} that the test cuts.
 */
@Timeout(30)
class ConnectionDropTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private TestListener under;
  private TcpProxy proxy;
  private final ExecutorService machineThread = Executors.newSingleThreadExecutor();
  private final CompletableFuture<Void> firstStore = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    under = TestListener.start(TestListener.anonymous(), CfxEndpoint.Options.defaults());
    proxy = new TcpProxy(under.listener.port());
  }

  @AfterEach
  void stop() throws Exception {
    firstStore.complete(null);
    proxy.close();
    under.close();
    machineThread.shutdownNow();
    assertThat(machineThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** a machine publishes through the proxy; its store stalls; the proxy is cut. */
  private CompletableFuture<Void> publishThenCut(CfxEnvelope envelope) throws Exception {
    under.sink.behave(m -> firstStore);
    JmsMachine machine = under.track(JmsMachine.builder(proxy.uri()).handle(Cfx.MACHINE).connect());
    CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> machine.publishCfx("cfx", Cfx.json(envelope), true), machineThread);
    under.sink.next(10);

    proxy.cutAll();

    TestListener.awaitCondition("the listener sees the connection gone", WAIT, () -> under.listener.connectionCount() == 0);
    return sent;
  }

  @Test
  void sendPendingWhenTheConnectionBreaksFailsAtTheMachine() throws Exception {
    CompletableFuture<Void> sent = publishThenCut(Cfx.workStarted(1));

    // the machine does not learn the outcome, so it keeps the message to resend (the SDK's spool)
    assertThat(sent).failsWithin(WAIT).withThrowableOfType(ExecutionException.class).withCauseInstanceOf(JmsMachine.MachineException.class);
  }

  @Test
  void resendOnANewConnectionIsStoredAgain() throws Exception {
    CfxEnvelope envelope = Cfx.workStarted(1);
    publishThenCut(envelope);
    under.sink.behave(m -> CompletableFuture.completedFuture(null));

    JmsMachine again = under.machine(Cfx.MACHINE);
    again.publishCfx("cfx", Cfx.json(envelope), true); // returns once Accepted

    List<CfxEnvelope> got = under.sink.envelopes(1, 10);
    assertThat(got).extracting(CfxEnvelope::uniqueId).containsExactly(envelope.uniqueId());
  }

  @Test
  void storeCompletingAfterTheConnectionBrokeFreesItsFlowBudget() throws Exception {
    publishThenCut(Cfx.workStarted(1));
    assertThat(under.endpoint.bytesInFlight()).isPositive();

    firstStore.complete(null); // too late to settle: the delivery's connection is gone

    TestListener.awaitCondition("nothing is in flight", WAIT, () -> under.endpoint.bytesInFlight() == 0);
  }

  @Test
  void listenerServesTheMachineNormallyAfterADeadDeliveryIsStored() throws Exception {
    publishThenCut(Cfx.workStarted(1));
    firstStore.complete(null);
    under.sink.behave(m -> CompletableFuture.completedFuture(null));

    JmsMachine again = under.machine(Cfx.MACHINE);
    again.publishCfx("cfx", Cfx.json(Cfx.workStarted(2)), true);

    assertThat(under.sink.envelopes(1, 10)).extracting(Cfx::lane).containsExactly(2);
  }
}
