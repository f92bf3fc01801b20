package io.cfxtrace.endpoint.bench;

import io.cfxtrace.endpoint.bench.BenchPayloads.WireMessage;
import io.cfxtrace.endpoint.testing.OverridableMessageIdPolicy;
import io.cfxtrace.endpoint.testing.QpidAmqpAccess;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.UUID;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;

/**
 * a machine for the benchmark: an Apache Qpid JMS connection that sends SDK-shaped CFX messages
 * and drains queues, like the harness' {@code testing.JmsMachine}, but from pre-built gzip bodies.
 *
 * <p>{@code JmsMachine} gzips every body as it sends it. For a 2 MB message that is ~10 MB of
 * JSON to compress, which would take far longer than the send being measured, so this class sends
 * bytes that were gzipped once beforehand. On the wire the messages are what {@code
 * JmsMachine.Outgoing.cfxEnvelope(json).gzip(true)} sends: one Data section, header durable,
 * message-id = the envelope UniqueID verbatim, subject {@code <Source>.<MessageName>}, {@code
 * cfx-topic}/{@code cfx-message}/{@code cfx-handle} application properties, the SDK's JSON
 * content-type and content-encoding {@code gzip} (written into Qpid JMS' properties section, which
 * the JMS API cannot reach).
 *
 * <p>Consuming reads each message's Data section bytes (a copy, as {@code JmsMachine.Received}
 * does) and does nothing else: no gunzip, no JSON, no CFX decode.
 */
final class BenchMachine implements AutoCloseable {

  private static final String CONTENT_TYPE = "application/json; charset=\"utf-8\"";
  private static final Symbol JSON = Symbol.valueOf(CONTENT_TYPE);
  private static final Symbol GZIP = Symbol.valueOf("gzip");

  private final Connection connection;
  private final ThreadLocal<String> nextMessageId = new ThreadLocal<>();

  /**
   * connects (anonymously, or as the URI's query says).
   *
   * @param uri {@code amqp://127.0.0.1:<port>}.
   * @param prefetch consumer credit ({@code jms.prefetchPolicy.all}).
   * @param handle the AMQP container id, as a machine's CFX handle.
   */
  BenchMachine(String uri, int prefetch, String handle) throws JMSException {
    JmsConnectionFactory factory =
        new JmsConnectionFactory(
            uri + "?jms.prefetchPolicy.all=" + prefetch + "&jms.sendTimeout=60000&jms.requestTimeout=60000&jms.connectTimeout=10000&jms.closeTimeout=10000");
    factory.setValidatePropertyNames(false); // CFX property names contain '-'
    factory.setClientID(handle);
    factory.setMessageIDPolicy(new OverridableMessageIdPolicy(nextMessageId));
    Connection c = factory.createConnection();
    try {
      c.start();
    } catch (JMSException | RuntimeException e) {
      c.close();
      throw e;
    }
    this.connection = c;
  }

  static BenchMachine connect(String uri, int prefetch) throws JMSException {
    return new BenchMachine(uri, prefetch, "Bench.Machine." + UUID.randomUUID().toString().substring(0, 8));
  }

  /** a producer on its own session, for one thread. */
  Sender sender(String address) throws JMSException {
    Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    return new Sender(s, s.createProducer(s.createQueue(address)));
  }

  /** sends to one address; not thread-safe. */
  final class Sender {
    private final Session session;
    private final MessageProducer producer;

    private Sender(Session session, MessageProducer producer) {
      this.session = session;
      this.producer = producer;
    }

    /** a persistent send that returns when the peer settled it Accepted (JMS default for PERSISTENT). */
    void send(WireMessage w) throws JMSException {
      Message m = message(w);
      nextMessageId.set(w.messageId());
      try {
        producer.send(m, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
      } finally {
        nextMessageId.remove();
      }
    }

    /** a persistent send that returns at once; {@code done} hears when the peer settled it. */
    void sendAsync(WireMessage w, CompletionListener done) throws JMSException {
      Message m = message(w);
      nextMessageId.set(w.messageId());
      try {
        producer.send(m, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE, done);
      } finally {
        nextMessageId.remove();
      }
    }

    private Message message(WireMessage w) throws JMSException {
      BytesMessage m = session.createBytesMessage();
      m.writeBytes(w.gzip());
      for (var e : w.applicationProperties().entrySet()) {
        m.setStringProperty(e.getKey(), e.getValue());
      }
      m.setJMSType(w.subject());
      QpidAmqpAccess.facade(m).setContentType(JSON);
      QpidAmqpAccess.properties(m).setContentEncoding(GZIP);
      return m;
    }

    void close() throws JMSException {
      session.close();
    }
  }

  /**
   * what a drain saw.
   *
   * @param messages messages received.
   * @param bodyBytes Data-section bytes read.
   * @param firstNanos {@link System#nanoTime()} when the first message was in hand.
   * @param lastNanos when the last one was.
   */
  record Drained(int messages, long bodyBytes, long firstNanos, long lastNanos) {}

  /**
   * receives exactly {@code n} messages from a queue with a JMS consumer (AUTO_ACKNOWLEDGE: each
   * message is accepted as it is handed over), reading each one's body bytes.
   *
   * @throws IllegalStateException if fewer arrive within {@code timeout}.
   */
  Drained drain(String queue, int n, Duration timeout) throws JMSException {
    Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    try {
      MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
      long deadline = System.nanoTime() + timeout.toNanos();
      long first = 0;
      long last = 0;
      long bytes = 0;
      int got = 0;
      while (got < n) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        Message m = left <= 0 ? null : consumer.receive(left);
        if (m == null) {
          throw new IllegalStateException("JMS consumer got " + got + " of " + n + " messages from " + queue + " within " + timeout);
        }
        bytes += bodyBytes(m).length;
        got++;
        last = System.nanoTime();
        if (got == 1) {
          first = last;
        }
      }
      consumer.close();
      return new Drained(got, bytes, first, last);
    } finally {
      s.close();
    }
  }

  private static byte[] bodyBytes(Message m) {
    Section body = QpidAmqpAccess.body(m);
    if (!(body instanceof Data d) || d.getValue() == null) {
      throw new IllegalStateException("expected one Data section, got " + body);
    }
    Binary b = d.getValue();
    byte[] out = new byte[b.getLength()];
    System.arraycopy(b.getArray(), b.getArrayOffset(), out, 0, b.getLength());
    return out;
  }

  @Override
  public void close() throws JMSException {
    connection.close();
  }
}
