package io.cfxtrace.endpoint.broker;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.SubscriptionConfig;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.codec.CfxCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.activemq.artemis.core.server.Consumer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.protocol.amqp.broker.ActiveMQProtonRemotingConnection;
import org.apache.activemq.artemis.protocol.amqp.proton.AMQPConnectionContext;
import org.apache.activemq.artemis.protocol.amqp.proton.ProtonServerSenderContext;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/** what the broker-mode tests share: envelopes, configs, bounded waits, broker-side probes. */
final class BrokerTesting {

  static final CfxCodec CODEC = new CfxCodec();

  /** the machine whose events the tests publish. */
  static final String MACHINE = "Line1.Printer";

  /** how long any single condition may take before a test fails. */
  static final Duration WAIT = Duration.ofSeconds(20);

  private BrokerTesting() {}

  /** a CFX.Production.WorkStarted event numbered {@code n} (lane and transaction id carry it). */
  static CfxEnvelope workStarted(int n) {
    return CfxEnvelope.event(MACHINE, new WorkStarted(null, null, "tx-" + n, n, 1, List.of(), null, null, null, null));
  }

  static List<CfxEnvelope> workStarted(int from, int toExclusive) {
    List<CfxEnvelope> out = new ArrayList<>();
    for (int i = from; i < toExclusive; i++) {
      out.add(workStarted(i));
    }
    return out;
  }

  static List<String> uniqueIds(List<CfxEnvelope> envelopes) {
    return envelopes.stream().map(CfxEnvelope::uniqueId).toList();
  }

  /** reconnects within 20 ms, backing off to 500 ms: tests recover fast after a broker restart. */
  static ReconnectPolicy fastReconnect() {
    return new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(500), 2.0, 0.2);
  }

  static CfxEndpoint endpoint(String handle) {
    return CfxEndpoint.start(EndpointIdentity.of(handle, null), CfxEndpoint.Options.defaults());
  }

  static AmqpUri uri(EmbeddedArtemis broker) {
    return AmqpUri.parse(broker.amqpUri());
  }

  static SubscriptionConfig subscription(AmqpUri uri, String address, int credit) {
    return new SubscriptionConfig(
        "sub-" + address, uri, address, null, null, false, ListenerConfig.Limits.defaults().withCredit(credit), fastReconnect());
  }

  static SubscriptionConfig subscription(AmqpUri uri, String address) {
    return subscription(uri, address, ListenerConfig.Limits.defaults().credit());
  }

  static PublisherConfig publisher(AmqpUri uri, String address, Path spool, boolean gzip, Duration heartbeat) {
    return new PublisherConfig(
        "pub-" + address, uri, address, null, null, gzip, spool, SpoolOptions.defaults(), 64, heartbeat, fastReconnect());
  }

  static PublisherConfig publisher(AmqpUri uri, String address, Path spool) {
    return publisher(uri, address, spool, true, Duration.ZERO);
  }

  /** publishes envelopes as an SDK machine would (message-id UniqueID, cfx-* properties). */
  static void publishAll(JmsMachine machine, String address, List<CfxEnvelope> envelopes, boolean gzip) {
    for (CfxEnvelope e : envelopes) {
      machine.publishCfx(address, CODEC.encode(e), gzip);
    }
  }

  /**
   * polls {@code condition} every 5 ms until it holds; fails naming {@code what} and the state
   * {@code describe} gives when it does not hold within {@code timeout}.
   */
  static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<?> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + timeout + ": " + what + "; last seen: " + describe.get());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      if (Thread.currentThread().isInterrupted()) {
        throw new AssertionError("interrupted while waiting until " + what);
      }
    }
  }

  static void await(String what, BooleanSupplier condition, Supplier<?> describe) {
    await(what, WAIT, condition, describe);
  }

  /**
   * receives from a JMS subscription until {@code distinct} different message-ids arrived, and
   * returns the message-ids in arrival order (duplicates included).
   */
  static List<String> receiveDistinct(JmsMachine.Subscription from, int distinct, Duration timeout) {
    List<String> arrivals = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seen.size() < distinct) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("only " + seen.size() + " of " + distinct + " distinct messages arrived within " + timeout);
      }
      for (JmsMachine.Received r : from.receiveUpTo(distinct - seen.size(), Duration.ofNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1))))) {
        arrivals.add(r.messageIdString());
        seen.add(r.messageIdString());
      }
    }
    return arrivals;
  }

  /** the distinct values in order of their first occurrence. */
  static List<String> firstSeen(List<String> arrivals) {
    return List.copyOf(new LinkedHashSet<>(arrivals));
  }

  /** the link credit the broker holds for the consumers of {@code queue} (read from its Proton sender). */
  static int brokerSideCredit(EmbeddedArtemis broker, String queue) {
    Queue q = broker.server().locateQueue(queue);
    int credit = 0;
    for (Consumer c : q.getConsumers()) {
      if (c instanceof ServerConsumer sc && sc.getProtocolContext() instanceof ProtonServerSenderContext ctx) {
        credit += ctx.getSender().getCredit();
      }
    }
    return credit;
  }

  /** the consumers attached to {@code queue}. */
  static int consumerCount(EmbeddedArtemis broker, String queue) {
    return broker.server().locateQueue(queue).getConsumers().size();
  }

  /** messages of {@code queue} out for delivery and not yet settled by a consumer. */
  static int deliveringCount(EmbeddedArtemis broker, String queue) {
    return broker.server().locateQueue(queue).getDeliveringCount();
  }

  /**
   * the AMQP connection the broker holds for a client with this container-id, or null.
   */
  static AMQPConnectionContext brokerConnectionOf(EmbeddedArtemis broker, String containerId) {
    for (RemotingConnection rc : broker.server().getRemotingService().getConnections()) {
      if (rc instanceof ActiveMQProtonRemotingConnection amqp && containerId.equals(amqp.getAmqpConnection().getRemoteContainer())) {
        return amqp.getAmqpConnection();
      }
    }
    return null;
  }
}
