package io.cfxtrace.endpoint.broker;

import static io.cfxtrace.endpoint.broker.BrokerTesting.await;
import static io.cfxtrace.endpoint.broker.BrokerTesting.brokerSideCredit;
import static io.cfxtrace.endpoint.broker.BrokerTesting.deliveringCount;
import static io.cfxtrace.endpoint.broker.BrokerTesting.subscription;
import static io.cfxtrace.endpoint.broker.BrokerTesting.uniqueIds;
import static io.cfxtrace.endpoint.broker.BrokerTesting.uri;
import static io.cfxtrace.endpoint.broker.BrokerTesting.workStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * the delivery contract (EnvelopeSink) in broker mode: a delivery is Accepted only once stored, a
 * failed store Releases it, and credit is granted only as stores complete; the broker redelivers
 * what we did not settle.
 */
class BrokerDeliveryContractTest {

  private static final String QUEUE = "cfx.contract";

  @RegisterExtension final EmbeddedArtemis broker = EmbeddedArtemis.builder().build();

  private CfxEndpoint endpoint;
  private JmsMachine machine;

  @BeforeEach
  void start() {
    broker.createAnycastQueue(QUEUE);
    endpoint = BrokerTesting.endpoint("CfxTrace.Test.Contract");
    machine = JmsMachine.connect(broker.amqpUri());
  }

  @AfterEach
  void stop() {
    endpoint.close();
    machine.close();
  }

  @Test
  @Timeout(30)
  void deliveriesLeftUnsettledByAClosedEndpointAreRedeliveredToTheNextSubscription() {
    List<CfxEnvelope> sent = workStarted(0, 5);
    BrokerTesting.publishAll(machine, QUEUE, sent, true);
    SeenSink stalled = new SeenSink(SeenSink.Mode.HOLD);
    endpoint.subscribe(subscription(uri(broker), QUEUE), stalled);
    await("all five reach the stalled sink", () -> stalled.distinct() == 5, stalled::toString);
    broker.awaitMessageCount(QUEUE, 5, java.time.Duration.ofSeconds(20)); // nothing was settled

    endpoint.close(); // the consumer goes away with five deliveries unsettled
    SeenSink next = new SeenSink(SeenSink.Mode.STORE);
    endpoint = BrokerTesting.endpoint("CfxTrace.Test.Contract.Next");
    endpoint.subscribe(subscription(uri(broker), QUEUE), next);

    await("the five are redelivered", () -> next.distinct() == 5, next::toString);
    assertThat(next.firstSeen()).containsExactlyElementsOf(uniqueIds(sent));
    await("the queue is drained once they are stored", () -> broker.messageCount(QUEUE) == 0, () -> broker.messageCount(QUEUE));
  }

  @Test
  @Timeout(30)
  void aFailedStoreReleasesTheDeliveryAndTheBrokerRedeliversIt() {
    List<CfxEnvelope> sent = workStarted(0, 3);
    SeenSink failingOnce = new SeenSink(SeenSink.Mode.FAIL_FIRST_TIME);
    endpoint.subscribe(subscription(uri(broker), QUEUE), failingOnce);

    BrokerTesting.publishAll(machine, QUEUE, sent, false);

    await("every message is stored after its redelivery", () -> failingOnce.arrivals().size() == 6, failingOnce::toString);
    Map<String, Long> storesPerId = failingOnce.arrivals().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(storesPerId).containsOnlyKeys(uniqueIds(sent)).allSatisfy((id, stores) -> assertThat(stores).isEqualTo(2));
    await("the queue is drained", () -> broker.messageCount(QUEUE) == 0, () -> broker.messageCount(QUEUE));
  }

  @Test
  @Timeout(30)
  void withCreditNAStalledSinkGetsAtMostNDeliveriesWhileTheQueueKeepsTheRest() {
    int credit = 5;
    BrokerTesting.publishAll(machine, QUEUE, workStarted(0, 20), true);
    SeenSink stalled = new SeenSink(SeenSink.Mode.HOLD);

    endpoint.subscribe(subscription(uri(broker), QUEUE, credit), stalled);

    // once the broker holds no credit for us, nothing more can be on its way
    await(
        "the broker has used up our credit",
        () -> stalled.distinct() == credit && deliveringCount(broker, QUEUE) == credit && brokerSideCredit(broker, QUEUE) == 0,
        () -> stalled + ", delivering " + deliveringCount(broker, QUEUE) + ", broker-side credit " + brokerSideCredit(broker, QUEUE));
    assertThat(stalled.arrivals()).hasSize(credit);
    broker.awaitMessageCount(QUEUE, 20, java.time.Duration.ofSeconds(20));
  }

  @Test
  @Timeout(30)
  void storesCompletingGrantNewCreditUntilTheQueueIsDrained() {
    int credit = 5;
    List<CfxEnvelope> sent = workStarted(0, 20);
    BrokerTesting.publishAll(machine, QUEUE, sent, true);
    SeenSink stalled = new SeenSink(SeenSink.Mode.HOLD);
    endpoint.subscribe(subscription(uri(broker), QUEUE, credit), stalled);
    await("the first deliveries are held", () -> stalled.heldCount() == credit, stalled::toString);

    stalled.release();

    await("all twenty arrive", () -> stalled.distinct() == 20, stalled::toString);
    assertThat(stalled.firstSeen()).containsExactlyElementsOf(uniqueIds(sent));
    await("the queue is drained", () -> broker.messageCount(QUEUE) == 0, () -> broker.messageCount(QUEUE));
  }

  @Test
  @Timeout(30)
  void storesCompletingAfterTheConnectionWasLostGiveBackTheirFlowBudget() {
    BrokerTesting.publishAll(machine, QUEUE, workStarted(0, 5), true);
    SeenSink stalled = new SeenSink(SeenSink.Mode.HOLD);
    Subscription s = endpoint.subscribe(subscription(uri(broker), QUEUE), stalled);
    await("five stores are open", () -> stalled.heldCount() == 5, stalled::toString);
    assertThat(endpoint.bytesInFlight()).isPositive();

    broker.stop();
    await("the subscription saw the connection go", () -> s.status().failedAttempts() >= 1, s::status);
    stalled.release(); // the stores complete, too late to settle: the broker will redeliver
    broker.start();

    await("the redeliveries are stored", () -> stalled.arrivals().size() == 10, stalled::toString);
    await("no received bytes are counted as unstored", () -> endpoint.bytesInFlight() == 0, () -> endpoint.bytesInFlight() + " bytes");
  }
}
