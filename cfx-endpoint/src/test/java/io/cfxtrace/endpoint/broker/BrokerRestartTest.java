package io.cfxtrace.endpoint.broker;

import static io.cfxtrace.endpoint.broker.BrokerTesting.CODEC;
import static io.cfxtrace.endpoint.broker.BrokerTesting.await;
import static io.cfxtrace.endpoint.broker.BrokerTesting.firstSeen;
import static io.cfxtrace.endpoint.broker.BrokerTesting.publisher;
import static io.cfxtrace.endpoint.broker.BrokerTesting.subscription;
import static io.cfxtrace.endpoint.broker.BrokerTesting.uniqueIds;
import static io.cfxtrace.endpoint.broker.BrokerTesting.uri;
import static io.cfxtrace.endpoint.broker.BrokerTesting.workStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * a broker restart in the middle of a stream: persistent messages survive it, our channels
 * reconnect by themselves, and nothing is lost. Delivery is at-least-once (duplicates allowed,
 * counted by UniqueID), and the first delivery of each envelope keeps the publish order
 * (cfx-sdk-notes part b, "Durable spooling": in order per link, duplicates expected).
 */
class BrokerRestartTest {

  private static final String QUEUE = "cfx.stream";

  @RegisterExtension final EmbeddedArtemis broker = EmbeddedArtemis.builder().build();

  @TempDir Path dir;
  private CfxEndpoint endpoint;

  @BeforeEach
  void start() {
    broker.createAnycastQueue(QUEUE);
    endpoint = BrokerTesting.endpoint("CfxTrace.Test.Restart");
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  @Timeout(60)
  void aSubscriptionReceivesEveryEnvelopeOfAStreamInterruptedByABrokerRestartInPublishOrder() throws Exception {
    List<CfxEnvelope> stream = workStarted(0, 500);
    // the first 150 are stored at once; later stores are held open, so that the restart finds
    // deliveries unsettled on our side, some still queued, and the machine still publishing
    SeenSink sink = new SeenSink(SeenSink.Mode.HOLD, 150);
    Subscription subscription = endpoint.subscribe(subscription(uri(broker), QUEUE), sink);
    CountDownLatch restarting = new CountDownLatch(1);
    ReconnectingMachine machine = new ReconnectingMachine(broker);
    CompletableFuture<Void> publishing =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < stream.size(); i++) {
                if (i == 300) {
                  awaitLatch(restarting); // the rest is published while the broker restarts
                }
                machine.publish(QUEUE, stream.get(i));
              }
            });
    try {
      await("150 stored and more held unsettled", () -> sink.distinct() >= 150 && sink.heldCount() >= 20, sink::toString);

      restarting.countDown();
      broker.restart();
      sink.release();

      publishing.get(40, TimeUnit.SECONDS);
      await("all 500 envelopes arrived", Duration.ofSeconds(30), () -> sink.distinct() == 500, () -> sink + ", " + subscription.status());
    } finally {
      publishing.cancel(true);
      machine.close();
    }
    assertThat(sink.firstSeen()).containsExactlyElementsOf(uniqueIds(stream));
    assertThat(subscription.status().isUp()).isTrue();
  }

  @Test
  @Timeout(60)
  void ourPublisherDeliversEveryEnvelopeInOrderAcrossABrokerRestart() throws Exception {
    // raw JSON: Qpid JMS takes a Data body with a JSON content-type for text and cannot read it gzipped
    Publisher publisher = endpoint.publisher(publisher(uri(broker), QUEUE, dir.resolve("spool"), false, Duration.ZERO));
    List<CfxEnvelope> beforeStop = workStarted(0, 200);
    List<CfxEnvelope> whileStopped = workStarted(200, 300);
    List<CompletableFuture<Void>> accepted = new ArrayList<>();
    beforeStop.forEach(e -> accepted.add(publisher.publish(e).toCompletableFuture()));
    await("some are accepted before the broker stops", () -> accepted.stream().filter(CompletableFuture::isDone).count() >= 20, publisher::status);

    broker.stop();
    whileStopped.forEach(e -> accepted.add(publisher.publish(e).toCompletableFuture()));
    assertThat(publisher.pending()).isGreaterThanOrEqualTo(whileStopped.size());
    broker.start();

    CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertThat(publisher.pending()).isZero();
    List<String> published = new ArrayList<>(uniqueIds(beforeStop));
    published.addAll(uniqueIds(whileStopped));
    try (JmsMachine consumer = JmsMachine.connect(broker.amqpUri());
        JmsMachine.Subscription queue = consumer.subscribe(QUEUE, JmsMachine.Kind.QUEUE)) {
      List<String> arrivals = BrokerTesting.receiveDistinct(queue, published.size(), Duration.ofSeconds(30));
      assertThat(firstSeen(arrivals)).containsExactlyElementsOf(published);
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the restart did not begin within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * a JMS machine that survives a broker restart the way an SDK machine's spool does: a publish
   * that fails for a lost connection is retried on a new connection until the broker accepts it
   * (so an envelope may be stored twice).
   */
  private static final class ReconnectingMachine implements AutoCloseable {
    private final EmbeddedArtemis broker;
    private JmsMachine machine;

    ReconnectingMachine(EmbeddedArtemis broker) {
      this.broker = broker;
    }

    void publish(String address, CfxEnvelope envelope) {
      byte[] json = CODEC.encode(envelope);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (true) {
        try {
          if (machine == null) {
            machine = JmsMachine.connect(broker.amqpUri());
          }
          machine.publishCfx(address, json, true);
          return;
        } catch (JmsMachine.MachineException e) {
          close();
          if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("could not publish " + envelope.uniqueId() + " within 30 s", e);
          }
          // the broker is restarting: retry once it listens again
          BrokerTesting.await("the broker is running again", broker::isRunning, () -> "stopped");
        }
      }
    }

    @Override
    public void close() {
      if (machine != null) {
        try {
          machine.close();
        } catch (RuntimeException ignored) {
          // the connection is already broken
        }
        machine = null;
      }
    }
  }
}
