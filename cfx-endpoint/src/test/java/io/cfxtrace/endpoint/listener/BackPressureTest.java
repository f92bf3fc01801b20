package io.cfxtrace.endpoint.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.WorkStarted;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * back-pressure from a slow event store to publishing machines: the listener grants AMQP credit
 * only as stores complete (per link: {@code Limits.credit}; per endpoint: the flow budget), so a
 * stalled store stops the machines instead of filling memory. The machine is Qpid JMS sending
 * asynchronously, so that it would pipeline as far as its credit lets it.
 */
@Timeout(30)
class BackPressureTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  /** how long a send waits for credit or an outcome before Qpid JMS fails it. */
  private static final String SEND_TIMEOUT_MS = "1500";
  private static final long MIB = 1024 * 1024;

  private TestListener under;
  private final ExecutorService machineThread = Executors.newSingleThreadExecutor();
  /** the stores the sink has started, in arrival order; the test completes them. */
  private final BlockingQueue<CompletableFuture<Void>> stores = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() throws InterruptedException {
    stores.forEach(f -> f.complete(null));
    if (under != null) {
      under.close();
    }
    machineThread.shutdownNow();
    assertThat(machineThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private void start(int credit, CfxEndpoint.Options options) throws Exception {
    under = TestListener.start(TestListener.anonymous().withLimits(ListenerConfig.Limits.defaults().withCredit(credit)), options);
    under.sink.behave(m -> {
      CompletableFuture<Void> f = new CompletableFuture<>();
      stores.add(f);
      return f;
    });
  }

  private JmsMachine machine(String handle) {
    return machine(handle, SEND_TIMEOUT_MS);
  }

  /**
   * a machine whose sends wait up to {@code sendTimeoutMs} for their outcome: Qpid JMS aborts a
   * transfer that times out, so a message left waiting in the session for the budget needs one
   * longer than the test's stores take.
   */
  private JmsMachine machine(String handle, String sendTimeoutMs) {
    return under.track(JmsMachine.builder(under.uri()).handle(handle).option("jms.sendTimeout", sendTimeoutMs).connect());
  }

  private static final String PATIENT_MS = "25000";

  /** a producer of its own session, for asynchronous sends. */
  private static Producer producer(JmsMachine machine, String address) throws JMSException {
    Session session = machine.connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
    return new Producer(session, session.createProducer(session.createQueue(address)));
  }

  private record Producer(Session session, MessageProducer producer) {

    /** sends without waiting; the future completes with the peer's outcome. */
    CompletableFuture<Void> sendAsync(byte[] body) throws JMSException {
      CompletableFuture<Void> outcome = new CompletableFuture<>();
      producer.send(bytes(body), new CompletionListener() {
        @Override
        public void onCompletion(Message message) {
          outcome.complete(null);
        }

        @Override
        public void onException(Message message, Exception exception) {
          outcome.completeExceptionally(exception);
        }
      });
      return outcome;
    }

    /** sends and waits for the outcome (or the send timeout). */
    void send(byte[] body) throws JMSException {
      producer.send(bytes(body));
    }

    private BytesMessage bytes(byte[] body) throws JMSException {
      BytesMessage m = session.createBytesMessage();
      m.writeBytes(body);
      return m;
    }
  }

  private CompletableFuture<Void> nextStore() throws InterruptedException {
    CompletableFuture<Void> f = stores.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(f).as("a store started within " + WAIT).isNotNull();
    return f;
  }

  /** a WorkStarted whose JSON is about {@code bytes} long. */
  private static byte[] large(int lane, int bytes) {
    CfxEnvelope e = CfxEnvelope.event(Cfx.MACHINE, new WorkStarted("P".repeat(bytes), null, "tx-" + lane, lane, 1, List.of(), null, null, null, null));
    return Cfx.json(e);
  }

  @Test
  void stalledStoresLetAtMostCreditMessagesInAndTheNextSendWaitsForCredit() throws Exception {
    start(3, CfxEndpoint.Options.defaults());
    Producer p = producer(machine(Cfx.MACHINE), "cfx");
    for (int lane = 0; lane < 3; lane++) {
      p.sendAsync(Cfx.json(Cfx.workStarted(lane)));
    }
    for (int i = 0; i < 3; i++) {
      under.sink.next(10);
    }

    // the machine itself reports that it holds the fourth message for want of credit
    assertThatThrownBy(() -> p.send(Cfx.json(Cfx.workStarted(3)))).isInstanceOf(JMSException.class).hasMessageContaining("waiting for credit");
    assertThat(under.sink.queued()).isZero();
  }

  @Test
  void completingAStoreLetsTheNextHeldMessageThrough() throws Exception {
    start(2, CfxEndpoint.Options.defaults());
    JmsMachine machine = under.track(JmsMachine.builder(under.uri()).handle(Cfx.MACHINE).connect()); // 30 s send timeout
    Producer p = producer(machine, "cfx");
    List<CompletableFuture<Void>> outcomes = new ArrayList<>();
    for (int lane = 0; lane < 5; lane++) {
      outcomes.add(new CompletableFuture<>());
    }
    // Qpid JMS blocks even an asynchronous send while it has no credit: the machine gets its own thread
    CompletableFuture<Void> allSent =
        CompletableFuture.runAsync(
            () -> {
              for (int lane = 0; lane < 5; lane++) {
                try {
                  p.sendAsync(Cfx.json(Cfx.workStarted(lane))).whenComplete(complete(outcomes.get(lane)));
                } catch (JMSException e) {
                  outcomes.get(lane).completeExceptionally(e);
                }
              }
            },
            machineThread);
    List<InboundMessage> arrived = new ArrayList<>(List.of(under.sink.next(10), under.sink.next(10)));
    assertThat(outcomes).noneMatch(CompletableFuture::isDone);
    assertThat(allSent).as("the third send, held for credit").isNotDone();

    nextStore().complete(null);

    outcomes.get(0).get(10, TimeUnit.SECONDS); // Accepted only now
    arrived.add(under.sink.next(10)); // and the credit it gave back let the third in
    for (int i = 0; i < 4; i++) {
      nextStore().complete(null);
    }
    arrived.add(under.sink.next(10));
    arrived.add(under.sink.next(10));
    allSent.get(10, TimeUnit.SECONDS);
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    assertThat(arrived).extracting(m -> Cfx.lane(m.envelopes().get(0).envelope())).containsExactly(0, 1, 2, 3, 4);
  }

  private static java.util.function.BiConsumer<Void, Throwable> complete(CompletableFuture<Void> target) {
    return (ok, error) -> {
      if (error == null) {
        target.complete(null);
      } else {
        target.completeExceptionally(error);
      }
    };
  }

  @Test
  void aFullFlowBudgetLeavesTheNextMessageInTheSessionWhateverCreditTheSenderHolds() throws Exception {
    // each 300 KiB JSON message is charged what it holds decoded: 6 x its JSON, ~1.8 MiB; the
    // budget is spent after the third, so the fourth and fifth, sent on credit already granted,
    // stay unread in the AMQP session (issue #13: bytes in flight are bounded before they arrive)
    start(5, CfxEndpoint.Options.defaults().withFlowBudget(4 * MIB));
    Producer p = producer(machine(Cfx.MACHINE, PATIENT_MS), "cfx");
    for (int lane = 0; lane < 5; lane++) {
      p.sendAsync(large(lane, 300 * 1024));
    }
    for (int i = 0; i < 3; i++) {
      under.sink.next(10);
    }
    long full = under.endpoint.bytesInFlight();
    assertThat(full).isBetween(3 * 6 * 300 * 1024L, 3 * 6 * 310 * 1024L);

    // another machine gets no credit; by the time its send gives up, the fourth was not taken
    Producer other = producer(machine("Machine.2"), "cfx");
    assertThatThrownBy(() -> other.send(Cfx.json(Cfx.workStarted(9)))).isInstanceOf(JMSException.class).hasMessageContaining("waiting for credit");
    assertThat(under.sink.queued()).isZero();
    assertThat(under.endpoint.bytesInFlight()).isEqualTo(full);

    nextStore().complete(null); // ~3.6 MiB charged: below the 4 MiB budget, the fourth is read
    assertThat(under.sink.next(10).envelopes()).extracting(e -> Cfx.lane(e.envelope())).containsExactly(3);
  }

  @Test
  void flowResumesOnceStoresBringTheBudgetBelowItsLimit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path spool) throws Exception {
    start(8, CfxEndpoint.Options.defaults().withFlowBudget(4 * MIB));
    try (CfxEndpoint machine = CfxEndpoint.start(io.cfxtrace.endpoint.EndpointIdentity.of(Cfx.MACHINE, null), CfxEndpoint.Options.defaults())) {
      io.cfxtrace.endpoint.Publisher p = publisher(machine, spool);
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (int lane = 0; lane < 6; lane++) {
        sent.add(p.publish(randomWorkStarted(lane, 300 * 1024)).toCompletableFuture());
      }
      for (int i = 0; i < 3; i++) {
        under.sink.next(10); // ~5.4 MiB charged: the budget is spent, the rest wait unread
      }
      under.sink.behave(m -> CompletableFuture.completedFuture(null));

      for (int i = 0; i < 3; i++) {
        nextStore().complete(null);
      }

      List<Integer> lanes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        lanes.add(Cfx.lane(under.sink.next(10).envelopes().get(0).envelope()));
      }
      assertThat(lanes).containsExactly(3, 4, 5);
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }
  }

  /** a cfx-trace publisher (Proton-J) on the listener, with room for 8 messages in flight. */
  private io.cfxtrace.endpoint.Publisher publisher(CfxEndpoint machine, java.nio.file.Path spool) throws java.io.IOException {
    return machine.publisher(new io.cfxtrace.endpoint.PublisherConfig("m", io.cfxtrace.endpoint.AmqpUri.parse(under.uri() + "/cfx"), "cfx", null, null, true,
        spool.resolve("m"), io.cfxtrace.endpoint.spool.SpoolOptions.defaults(), 8, Duration.ZERO, io.cfxtrace.endpoint.ReconnectPolicy.defaults()));
  }

  @Test
  void aMessageLargerThanTheWholeBudgetStillArrivesOnTheOverdraftOneAtATime(@org.junit.jupiter.api.io.TempDir java.nio.file.Path spool) throws Exception {
    // 3 MiB messages (random text, so gzip keeps them large) against a 1 MiB budget, from two
    // machines at once: partly read deliveries must not hold the budget while each waits for the
    // other to finish. The machines are cfx-trace publishers (Proton-J): Qpid JMS stops sending a
    // message whose frames wait for the session window until its next keep-alive.
    start(5, CfxEndpoint.Options.defaults().withFlowBudget(MIB));
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    List<CfxEndpoint> machines = new ArrayList<>();
    try {
      for (int lane = 1; lane <= 2; lane++) {
        CfxEndpoint m = CfxEndpoint.start(io.cfxtrace.endpoint.EndpointIdentity.of("Machine." + lane, null), CfxEndpoint.Options.defaults());
        machines.add(m);
        io.cfxtrace.endpoint.Publisher p = publisher(m, spool.resolve("m" + lane));
        sent.add(p.publish(randomWorkStarted(lane, 3 * 1024 * 1024)).toCompletableFuture());
      }
      InboundMessage one = under.sink.next(20);
      nextStore().complete(null);
      InboundMessage two = under.sink.next(20);
      nextStore().complete(null);
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
      assertThat(List.of(one, two)).extracting(m -> Cfx.lane(m.envelopes().get(0).envelope())).containsExactlyInAnyOrder(1, 2);
      TestListener.awaitCondition("nothing is in flight", WAIT, () -> under.endpoint.bytesInFlight() == 0);
    } finally {
      machines.forEach(CfxEndpoint::close);
    }
  }

  /** a WorkStarted carrying about {@code bytes} of random letters, which gzip cannot shrink much. */
  private static CfxEnvelope randomWorkStarted(int lane, int bytes) {
    java.util.Random r = new java.util.Random(lane);
    char[] text = new char[bytes];
    for (int i = 0; i < bytes; i++) {
      text[i] = (char) ('A' + r.nextInt(26));
    }
    return CfxEnvelope.event(Cfx.MACHINE, new WorkStarted(new String(text), null, "tx-" + lane, lane, 1, List.of(), null, null, null, null));
  }

  @Test
  void fullFlowBudgetStopsEveryLinkOfTheEndpoint() throws Exception {
    start(5, CfxEndpoint.Options.defaults().withFlowBudget(MIB));
    Producer first = producer(machine("Machine.1"), "cfx");
    for (int lane = 0; lane < 4; lane++) {
      first.sendAsync(large(lane, 300 * 1024));
    }
    under.sink.next(10); // charged ~1.8 MiB: the budget is spent, the other three wait unread

    // a second machine attaching now gets no credit at all while the budget is full
    Producer second = producer(machine("Machine.2"), "cfx");
    assertThatThrownBy(() -> second.send(Cfx.json(Cfx.workStarted(9)))).isInstanceOf(JMSException.class).hasMessageContaining("waiting for credit");
    assertThat(under.sink.queued()).isZero();
  }

  @Test
  void bytesInFlightCountUnstoredMessagesAndReturnToZeroOnceStored() throws Exception {
    start(5, CfxEndpoint.Options.defaults());
    Producer p = producer(machine(Cfx.MACHINE), "cfx");
    p.sendAsync(large(0, 100 * 1024));
    p.sendAsync(large(1, 100 * 1024));
    under.sink.next(10);
    under.sink.next(10);
    assertThat(under.endpoint.bytesInFlight()).isGreaterThanOrEqualTo(2 * 100 * 1024L);

    nextStore().complete(null);
    nextStore().completeExceptionally(new IllegalStateException("store failed")); // released, bytes freed too

    TestListener.awaitCondition("nothing is in flight", WAIT, () -> under.endpoint.bytesInFlight() == 0);
  }
}
