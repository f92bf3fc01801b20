package io.cfxtrace.endpoint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.JmsDestination;
import org.apache.qpid.jms.policy.JmsMessageIDPolicy;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.amqp.messaging.Section;

/**
 * A CFX "machine" (or consumer) on the far side of an AMQP 1.0 link, built on the Apache Qpid JMS
 * client: an AMQP implementation independent of our endpoint's link/session/transport code (both
 * do share Proton-J's type codec, which Qpid JMS and Artemis use too).
 *
 * <h2>What goes on the wire</h2>
 *
 * <ul>
 *   <li>{@link #publish} sends a JMS {@code BytesMessage}: exactly one <b>Data</b> section.
 *       {@code content-type} is {@link #CFX_CONTENT_TYPE} (Qpid JMS would default to {@code
 *       application/octet-stream}), {@code content-encoding} {@code gzip} when asked (the JMS API
 *       cannot set it; the harness writes it into Qpid JMS' properties section, see {@link
 *       QpidAmqpAccess}), header {@code durable=true} (PERSISTENT), application properties as
 *       given (AMQP strings for {@code String} values).
 *   <li>{@link #publishText} sends a {@code TextMessage}: one <b>AmqpValue(string)</b> section, the
 *       shape old or non-SDK senders use and the SDK itself rejects.
 *   <li>{@code message-id}: a string exactly as given to {@code publish} (no {@code ID:} prefix: the
 *       harness installs a {@link JmsMessageIDPolicy} that returns it verbatim). When none is given
 *       Qpid JMS sends its own string {@code ID:<uuid>:<n>:<n>:<n>-<n>}. On receipt, {@link
 *       Received#messageId()} is the raw AMQP value; JMS' {@code getJMSMessageID()} would show a
 *       plain string id as {@code ID:AMQP_NO_PREFIX:<id>} (UUID ids as {@code ID:AMQP_UUID:…}).
 *   <li>{@code subject} = {@code JMSType}; {@code correlation-id} = {@code JMSCorrelationID} (a
 *       string not starting with {@code ID:} goes out verbatim); {@code reply-to} = {@code
 *       JMSReplyTo}'s address; {@code to} = the producer's address; {@code creation-time} = send
 *       time (JMSTimestamp; cannot be chosen).
 *   <li>Qpid JMS adds message annotations {@code x-opt-jms-msg-type} (byte: 3 bytes, 5 text) and
 *       {@code x-opt-jms-dest} / {@code x-opt-jms-reply-to} (destination type); a CFX receiver
 *       must ignore them.
 *   <li>Sender links are opened per address ({@code createProducer(destination)}) with target
 *       address = the address and target capability {@code queue} ({@link Kind#QUEUE}) or {@code
 *       topic} ({@link Kind#TOPIC}); Artemis maps these to ANYCAST / MULTICAST. The link name is
 *       Qpid JMS' own ({@code qpid-jms:sender:…}), not the address as the SDK does. A persistent
 *       send blocks until the peer settles it: Accepted returns, Rejected/Released/Modified throw.
 * </ul>
 *
 * Addresses are passed through verbatim, so RabbitMQ-style {@code /exchange/cfx} or {@code
 * /queue/cfx} and Artemis FQQNs {@code address::queue} all work.
 *
 * <h2>Connection URI</h2>
 *
 * {@code amqp://host:port} or {@code amqps://host:port} plus any Qpid JMS query options ({@code
 * amqp.saslMechanisms=PLAIN}, {@code amqp.idleTimeout=…}, {@code jms.prefetchPolicy.all=…}, {@code
 * transport.trustStoreLocation=…}). User info in the URI ({@code amqp://user:pass@host:port}, the
 * SDK's style) is taken as the credentials. The harness adds {@code jms.sendTimeout}, {@code
 * jms.requestTimeout}, {@code jms.connectTimeout} (30 s, 30 s, 10 s) and {@code jms.closeTimeout}
 * (5 s) unless the URI sets them, so a misbehaving peer fails a test instead of hanging it. The
 * JMS client id (= AMQP container-id) is the machine's {@link #handle()}.
 */
public final class JmsMachine implements AutoCloseable {

  /** The content type the CFX SDK puts on every message. */
  public static final String CFX_CONTENT_TYPE = "application/json; charset=\"utf-8\"";

  /** The message-id the SDK gives every request. */
  public static final String SDK_REQUEST_MESSAGE_ID = "command-request";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Symbol GZIP = Symbol.valueOf("gzip");

  /** JMS destination type, i.e. the AMQP terminus capability Qpid JMS announces. */
  public enum Kind {
    /** {@code Session.createQueue}: capability {@code queue}; Artemis ANYCAST. */
    QUEUE,
    /** {@code Session.createTopic}: capability {@code topic}; Artemis MULTICAST. */
    TOPIC
  }

  /** How {@link #request} receives its response. */
  public enum ReplyMode {
    /**
     * A receiver on the explicit address {@code <handle>-<uuid>} (the SDK's reply-address form);
     * its source address is the reply address.
     */
    EXPLICIT_ADDRESS,
    /** A JMS temporary queue: an AMQP dynamic node whose address the peer assigns. */
    TEMPORARY_QUEUE
  }

  /** How the body of a received message was carried. */
  public enum BodyKind {
    /** One Data section (what the SDK sends and accepts). */
    DATA,
    /** AmqpValue holding a string. */
    AMQP_VALUE_STRING,
    /** AmqpValue holding a binary. */
    AMQP_VALUE_BINARY,
    /** No body section. */
    NONE,
    /** Anything else (AmqpSequence, AmqpValue of another type); {@code body()} is empty. */
    OTHER
  }

  private final String uri;
  private final String handle;
  private final Connection connection;
  private final Session producerSession;
  private final Map<String, MessageProducer> producers = new HashMap<>();
  private final ThreadLocal<String> nextMessageId = new ThreadLocal<>();
  private final List<AutoCloseable> children = new CopyOnWriteArrayList<>();

  private JmsMachine(Builder b) {
    this.handle = b.handle != null ? b.handle : "jms-machine-" + UUID.randomUUID().toString().substring(0, 8);
    ParsedUri parsed = ParsedUri.of(b.uri);
    String user = b.user != null ? b.user : parsed.user;
    String password = b.password != null ? b.password : parsed.password;
    Map<String, String> query = new LinkedHashMap<>();
    query.put("jms.sendTimeout", "30000");
    query.put("jms.requestTimeout", "30000");
    query.put("jms.connectTimeout", "10000");
    query.put("jms.closeTimeout", "5000");
    query.putAll(parsed.query);
    query.putAll(b.options);
    this.uri = parsed.base + toQuery(query);

    JmsConnectionFactory factory = new JmsConnectionFactory(uri);
    factory.setValidatePropertyNames(false); // CFX property names contain '-'
    factory.setMessageIDPolicy(new OverridableMessageIdPolicy(nextMessageId));
    factory.setClientID(handle);
    if (user != null) {
      factory.setUsername(user);
      factory.setPassword(password == null ? "" : password);
    }
    Connection c = null;
    try {
      c = factory.createConnection();
      c.start(); // connects now, so bad credentials fail here and not on first use
      this.producerSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      this.connection = c;
    } catch (JMSException | RuntimeException e) {
      closeQuietly(c);
      throw new MachineException(
          "JMS machine '" + handle + "' cannot connect to " + redacted(uri)
              + (user != null ? " as user '" + user + "'" : " anonymously") + ": " + e.getMessage(),
          e);
    }
  }

  /** Connects anonymously (or with the URI's user info). */
  public static JmsMachine connect(String uri) {
    return builder(uri).connect();
  }

  /** Connects with SASL credentials (PLAIN unless the peer offers something stronger). */
  public static JmsMachine connect(String uri, String user, String password) {
    return builder(uri).credentials(user, password).connect();
  }

  public static Builder builder(String uri) {
    return new Builder(uri);
  }

  /** The CFX handle this machine plays; also its AMQP container-id and reply-address prefix. */
  public String handle() {
    return handle;
  }

  /** The effective Qpid JMS connection URI (without credentials). */
  public String uri() {
    return uri;
  }

  /** The underlying JMS connection, for anything not wrapped here. */
  public Connection connection() {
    return connection;
  }

  // -------------------------------------------------------------------------------------- publish

  /**
   * Publishes a durable BytesMessage (one Data section) to the queue-kind address.
   *
   * @param body the payload before compression; with {@code gzip} the harness gzips it and sets
   *     {@code content-encoding: gzip}
   * @param appProps application properties (AMQP strings), e.g. {@code cfx-topic}; may be empty
   * @param messageId the AMQP message-id, sent verbatim as a string; null lets Qpid JMS choose
   */
  public void publish(
      String address, byte[] body, Map<String, String> appProps, boolean gzip, String messageId) {
    Outgoing out = Outgoing.data(body).gzip(gzip).messageId(messageId);
    appProps.forEach(out::property);
    publish(address, Kind.QUEUE, out);
  }

  /** Publishes to a queue-kind address. */
  public void publish(String address, Outgoing message) {
    publish(address, Kind.QUEUE, message);
  }

  /** Publishes with the given destination kind. Blocks until the peer settles a durable send. */
  public synchronized void publish(String address, Kind kind, Outgoing message) {
    try {
      MessageProducer producer = producer(address, kind);
      Message m = message.toJms(producerSession, null);
      send(producer, m, message);
    } catch (JMSException e) {
      throw new MachineException("publish to '" + address + "' failed: " + e.getMessage(), e);
    }
  }

  /** Publishes a durable TextMessage: an AmqpValue(string) body instead of a Data section. */
  public void publishText(String address, String json) {
    publish(address, Kind.QUEUE, Outgoing.text(json));
  }

  /**
   * Publishes an SDK-shaped CFX message (see {@link Outgoing#cfxEnvelope}): message-id =
   * UniqueID, subject {@code <Source>.<MessageName>}, {@code cfx-*} application properties, JSON
   * content type, gzip when asked.
   */
  public void publishCfx(String address, byte[] envelopeJson, boolean gzip) {
    publish(address, Kind.QUEUE, Outgoing.cfxEnvelope(envelopeJson).gzip(gzip));
  }

  private MessageProducer producer(String address, Kind kind) throws JMSException {
    String key = kind + "|" + address;
    MessageProducer p = producers.get(key);
    if (p == null) {
      p = producerSession.createProducer(destination(producerSession, address, kind));
      producers.put(key, p);
    }
    return p;
  }

  private void send(MessageProducer producer, Message m, Outgoing message) throws JMSException {
    nextMessageId.set(message.messageId);
    try {
      producer.send(
          m,
          message.durable ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT,
          Message.DEFAULT_PRIORITY,
          Message.DEFAULT_TIME_TO_LIVE);
    } finally {
      nextMessageId.remove();
    }
  }

  // -------------------------------------------------------------------------------------- consume

  /**
   * Receives exactly {@code n} messages from a queue-kind address (acknowledging each), or throws
   * {@link ConsumeTimeoutException} (holding what did arrive) when {@code timeout} runs out.
   */
  public List<Received> consume(String address, int n, Duration timeout) {
    try (Subscription s = subscribe(address, Kind.QUEUE)) {
      return s.receive(n, timeout);
    }
  }

  /** Receives up to {@code max} messages from a queue-kind address within {@code timeout}. */
  public List<Received> receiveUpTo(String address, int max, Duration timeout) {
    try (Subscription s = subscribe(address, Kind.QUEUE)) {
      return s.receiveUpTo(max, timeout);
    }
  }

  /**
   * Attaches a consumer now (for a {@link Kind#TOPIC} address this creates the subscription, so
   * subscribe before the messages are published) and returns it for receiving later.
   */
  public Subscription subscribe(String address, Kind kind) {
    try {
      Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      try {
        MessageConsumer c = s.createConsumer(destination(s, address, kind));
        Subscription sub = new Subscription(address, s, c);
        children.add(sub);
        return sub;
      } catch (JMSException | RuntimeException e) {
        closeQuietly(s);
        throw e;
      }
    } catch (JMSException e) {
      throw new MachineException("cannot subscribe to '" + address + "': " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------------------------- requests

  /**
   * Sends a CFX request the way the SDK does and returns the response body (gunzipped if it was
   * gzip-encoded). Reply address {@code <handle>-<uuid>}; request message: message-id {@code
   * command-request}, reply-to = the reply address, correlation-id = the envelope's RequestID,
   * single application property {@code offset}=1, gzip body. Responses whose envelope RequestID
   * differs from the request's are skipped (the SDK correlates on RequestID, not on AMQP
   * correlation-id).
   *
   * <p>Difference to the SDK on the link level: the SDK's requester opens a receiver named {@code
   * request-receiver} with <em>source</em> = the target handle and <em>target</em> = the reply
   * address; a JMS consumer's receiver link has <em>source</em> = the reply address and no target
   * address. A server that routes responses must therefore match reply-to against a receiver
   * link's target address or, failing that, its source address.
   *
   * @throws RequestTimeoutException when no matching response arrives within {@code timeout}
   */
  public byte[] request(String targetAddress, byte[] requestJson, Duration timeout) {
    return request(targetAddress, requestJson, timeout, ReplyMode.EXPLICIT_ADDRESS, true)
        .decodedBody();
  }

  /** {@link #request(String, byte[], Duration)} with every knob, returning the whole response. */
  public Received request(
      String targetAddress,
      byte[] requestJson,
      Duration timeout,
      ReplyMode replyMode,
      boolean gzip) {
    return request(targetAddress, requestJson, timeout, replyMode, gzip, SDK_REQUEST_MESSAGE_ID);
  }

  /**
   * {@link #request(String, byte[], Duration, ReplyMode, boolean)} with another message-id than
   * the SDK's constant, to tell which request a response's correlation-id names.
   */
  public Received request(
      String targetAddress,
      byte[] requestJson,
      Duration timeout,
      ReplyMode replyMode,
      boolean gzip,
      String messageId) {
    String requestId = envelopeField(requestJson, "RequestID");
    Session s = null;
    String replyAddress = null;
    try {
      s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      Destination reply;
      if (replyMode == ReplyMode.EXPLICIT_ADDRESS) {
        replyAddress = handle + "-" + UUID.randomUUID();
        reply = s.createQueue(replyAddress);
      } else {
        reply = s.createTemporaryQueue();
        replyAddress = ((JmsDestination) reply).getAddress();
      }
      MessageConsumer consumer = s.createConsumer(reply); // attach before sending the request
      Outgoing out =
          Outgoing.data(requestJson)
              .gzip(gzip)
              .messageId(messageId)
              .correlationId(requestId)
              .property("offset", 1);
      Message m = out.toJms(s, reply);
      MessageProducer producer = s.createProducer(s.createQueue(targetAddress));
      send(producer, m, out);
      long deadline = System.nanoTime() + timeout.toNanos();
      List<String> skipped = new ArrayList<>();
      while (true) {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
          break;
        }
        Message response = consumer.receive(left);
        if (response == null) {
          break;
        }
        Received r = Received.of(response);
        String responseRequestId = envelopeField(r.decodedBody(), "RequestID");
        if (requestId == null || requestId.equals(responseRequestId)) {
          return r;
        }
        skipped.add(String.valueOf(responseRequestId));
      }
      throw new RequestTimeoutException(
          "no response to request "
              + (requestId == null ? "(no RequestID)" : requestId)
              + " sent to '" + targetAddress + "' arrived on reply address '" + replyAddress
              + "' within " + timeout
              + (skipped.isEmpty() ? "" : "; skipped responses with RequestIDs " + skipped));
    } catch (JMSException e) {
      throw new MachineException(
          "request to '" + targetAddress + "' (reply address " + replyAddress + ") failed: "
              + e.getMessage(),
          e);
    } finally {
      closeQuietly(s);
    }
  }

  /**
   * Serves requests arriving on {@code address} (queue kind) until the returned handle is closed:
   * each response is sent as raw (not gzipped) JSON, like the SDK's, to the request's reply-to,
   * with correlation-id = the request's message-id and the handler's bytes as one Data section.
   * A null from the handler sends nothing.
   */
  public Responder serveRequests(String address, Function<Received, byte[]> handler) {
    try {
      Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      Responder responder = new Responder(s);
      MessageConsumer consumer = s.createConsumer(s.createQueue(address));
      MessageProducer anonymous = s.createProducer(null);
      consumer.setMessageListener(
          m -> {
            try {
              Received request = Received.of(m);
              byte[] response = handler.apply(request);
              Destination replyTo = m.getJMSReplyTo();
              if (response == null || replyTo == null) {
                return;
              }
              Outgoing out =
                  Outgoing.data(response)
                      .gzip(false)
                      .correlationId(request.messageId() == null ? null : request.messageId().toString());
              Message reply = out.toJms(s, null);
              anonymous.send(
                  replyTo, reply, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0L);
              responder.served.add(request);
            } catch (JMSException | RuntimeException e) {
              responder.failures.add(e);
            }
          });
      children.add(responder);
      return responder;
    } catch (JMSException e) {
      throw new MachineException("cannot serve requests on '" + address + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    for (AutoCloseable child : children) {
      closeQuietly(child);
    }
    children.clear();
    try {
      connection.close();
    } catch (JMSException e) {
      throw new MachineException("closing JMS machine '" + handle + "' failed", e);
    }
  }

  @Override
  public String toString() {
    return "JmsMachine[" + handle + " @ " + redacted(uri) + "]";
  }

  // ------------------------------------------------------------------------------------- helpers

  private static Destination destination(Session s, String address, Kind kind) throws JMSException {
    return kind == Kind.TOPIC ? s.createTopic(address) : s.createQueue(address);
  }

  /** gzip (RFC 1952), as the SDK's codec does. */
  public static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 32);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] gunzip(byte[] compressed) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("body is not a valid gzip stream", e);
    }
  }

  /** A top-level string field of a JSON object, matched case-insensitively; null if absent. */
  public static String envelopeField(byte[] json, String field) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
    if (root == null || !root.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getKey().equalsIgnoreCase(field)) {
        return e.getValue().isNull() ? null : e.getValue().asText();
      }
    }
    return null;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // best effort
    }
  }

  private static String redacted(String uri) {
    return uri.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String toQuery(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : query.entrySet()) {
      sb.append(sb.length() == 0 ? '?' : '&')
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  private record ParsedUri(String base, String user, String password, Map<String, String> query) {
    static ParsedUri of(String uri) {
      URI u;
      try {
        u = new URI(uri);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a URI: " + uri, e);
      }
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("amqp") && !scheme.equals("amqps") && !scheme.startsWith("amqpws")) {
        throw new IllegalArgumentException("expected an amqp:// or amqps:// URI, got " + uri);
      }
      String user = null;
      String password = null;
      if (u.getRawUserInfo() != null) {
        String[] parts = u.getUserInfo().split(":", 2);
        user = parts[0];
        password = parts.length > 1 ? parts[1] : "";
      }
      Map<String, String> query = new LinkedHashMap<>();
      if (u.getRawQuery() != null) {
        for (String pair : u.getRawQuery().split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          String[] kv = pair.split("=", 2);
          query.put(
              java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
              kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
      }
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      String base = scheme + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "") + path;
      return new ParsedUri(base, user, password, query);
    }
  }

  // ------------------------------------------------------------------------------ nested types

  /** Configures a {@link JmsMachine}. */
  public static final class Builder {
    private final String uri;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String user;
    private String password;
    private String handle;

    private Builder(String uri) {
      this.uri = Objects.requireNonNull(uri);
    }

    /** SASL credentials (Qpid JMS picks the strongest mechanism offered, PLAIN against Artemis). */
    public Builder credentials(String user, String password) {
      this.user = Objects.requireNonNull(user);
      this.password = Objects.requireNonNull(password);
      return this;
    }

    /** The CFX handle: JMS client id / AMQP container-id and reply-address prefix. */
    public Builder handle(String cfxHandle) {
      this.handle = Objects.requireNonNull(cfxHandle);
      return this;
    }

    /** Restricts SASL mechanisms ({@code amqp.saslMechanisms}), e.g. "PLAIN" or "ANONYMOUS". */
    public Builder saslMechanisms(String... mechanisms) {
      return option("amqp.saslMechanisms", String.join(",", mechanisms));
    }

    /** Idle timeout this client announces ({@code amqp.idleTimeout}; 0 disables). */
    public Builder idleTimeout(Duration timeout) {
      return option("amqp.idleTimeout", Long.toString(timeout.toMillis()));
    }

    /** Consumer credit ({@code jms.prefetchPolicy.all}). */
    public Builder prefetch(int credit) {
      return option("jms.prefetchPolicy.all", Integer.toString(credit));
    }

    /** For amqps: trust store (JKS/PKCS12) and whether to verify the host name. */
    public Builder trustStore(Path location, String password, boolean verifyHost) {
      option("transport.trustStoreLocation", location.toAbsolutePath().toString());
      option("transport.trustStorePassword", password);
      return option("transport.verifyHost", Boolean.toString(verifyHost));
    }

    /** For amqps: trust any server certificate. */
    public Builder trustAll() {
      option("transport.trustAll", "true");
      return option("transport.verifyHost", "false");
    }

    /** Any Qpid JMS URI option; overrides the same key in the URI. */
    public Builder option(String key, String value) {
      options.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
      return this;
    }

    /** Connects (eagerly: SASL and Open happen here). */
    public JmsMachine connect() {
      return new JmsMachine(this);
    }
  }

  /**
   * A message to send. Defaults: durable, JSON content type, no gzip, Data body, Qpid JMS'
   * message-id.
   */
  public static final class Outgoing {
    private final byte[] body;
    private final boolean text;
    private boolean gzip;
    private String messageId;
    private String subject;
    private String contentType = CFX_CONTENT_TYPE;
    private String correlationId;
    private boolean durable = true;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private Outgoing(byte[] body, boolean text) {
      this.body = Objects.requireNonNull(body);
      this.text = text;
    }

    /** A BytesMessage: one Data section holding {@code body} (gzipped on send if asked). */
    public static Outgoing data(byte[] body) {
      return new Outgoing(body.clone(), false);
    }

    /** A TextMessage: one AmqpValue(string) section; no gzip, no content type. */
    public static Outgoing text(String body) {
      Outgoing o = new Outgoing(body.getBytes(StandardCharsets.UTF_8), true);
      o.contentType = null;
      return o;
    }

    /**
     * A message shaped like the CFX SDK (≥ 1.2) would send {@code envelopeJson}: message-id =
     * UniqueID, subject = {@code <Source>.<MessageName>}, correlation-id = RequestID (if any),
     * application properties {@code cfx-topic} (MessageName without its last segment), {@code
     * cfx-message}, {@code cfx-handle}, {@code cfx-target} (only when Target is set), JSON content
     * type, gzip (the SDK's default codec; call {@code gzip(false)} for raw).
     */
    public static Outgoing cfxEnvelope(byte[] envelopeJson) {
      String name = envelopeField(envelopeJson, "MessageName");
      String source = envelopeField(envelopeJson, "Source");
      String target = envelopeField(envelopeJson, "Target");
      Outgoing o =
          data(envelopeJson)
              .gzip(true)
              .messageId(envelopeField(envelopeJson, "UniqueID"))
              .correlationId(envelopeField(envelopeJson, "RequestID"));
      if (name != null) {
        int dot = name.lastIndexOf('.');
        o.property("cfx-topic", dot > 0 ? name.substring(0, dot) : name);
        o.property("cfx-message", name);
        o.subject((source == null ? "" : source) + "." + name);
      }
      if (source != null) {
        o.property("cfx-handle", source);
      }
      if (target != null) {
        o.property("cfx-target", target);
      }
      return o;
    }

    /** gzip the body and set content-encoding {@code gzip}. */
    public Outgoing gzip(boolean on) {
      if (on && text) {
        throw new IllegalStateException("a text (AmqpValue) body cannot be gzipped");
      }
      this.gzip = on;
      return this;
    }

    /** AMQP message-id as a plain string; null lets Qpid JMS generate {@code ID:…}. */
    public Outgoing messageId(String id) {
      this.messageId = id;
      return this;
    }

    /** AMQP subject (JMSType). */
    public Outgoing subject(String s) {
      this.subject = s;
      return this;
    }

    /** AMQP content-type; null leaves Qpid JMS' default. */
    public Outgoing contentType(String type) {
      this.contentType = type;
      return this;
    }

    /** AMQP correlation-id as a string. */
    public Outgoing correlationId(String id) {
      this.correlationId = id;
      return this;
    }

    /** header.durable (JMS PERSISTENT); default true. */
    public Outgoing durable(boolean on) {
      this.durable = on;
      return this;
    }

    /** Application property (String, Integer, Long, Boolean, …). */
    public Outgoing property(String name, Object value) {
      properties.put(Objects.requireNonNull(name), value);
      return this;
    }

    Message toJms(Session s, Destination replyTo) throws JMSException {
      Message m;
      if (text) {
        m = s.createTextMessage(new String(body, StandardCharsets.UTF_8));
      } else {
        BytesMessage b = s.createBytesMessage();
        b.writeBytes(gzip ? JmsMachine.gzip(body) : body);
        m = b;
      }
      for (Map.Entry<String, Object> e : properties.entrySet()) {
        m.setObjectProperty(e.getKey(), e.getValue());
      }
      if (subject != null) {
        m.setJMSType(subject);
      }
      if (correlationId != null) {
        m.setJMSCorrelationID(correlationId);
      }
      if (replyTo != null) {
        m.setJMSReplyTo(replyTo);
      }
      if (contentType != null) {
        QpidAmqpAccess.facade(m).setContentType(Symbol.valueOf(contentType));
      }
      if (gzip) {
        QpidAmqpAccess.properties(m).setContentEncoding(GZIP);
      }
      return m;
    }
  }

  /**
   * A received message as it was on the wire (read from Qpid JMS' AMQP sections, not through the
   * JMS API).
   *
   * @param body the body bytes as carried (still gzipped when {@code contentEncoding} is gzip);
   *     for an AmqpValue string its UTF-8 bytes
   * @param messageId the raw AMQP message-id (String, UUID, UnsignedLong or Binary), or null
   * @param correlationId the raw AMQP correlation-id, or null
   * @param applicationProperties all application properties, names unvalidated, values as decoded
   * @param messageAnnotations message annotations by symbol name (e.g. Qpid's x-opt-jms-*)
   */
  public record Received(
      BodyKind bodyKind,
      byte[] body,
      Object messageId,
      String subject,
      String contentType,
      String contentEncoding,
      Object correlationId,
      String to,
      String replyTo,
      boolean durable,
      Map<String, Object> applicationProperties,
      Map<String, Object> messageAnnotations) {

    static Received of(Message m) throws JMSException {
      Section section = QpidAmqpAccess.body(m);
      BodyKind kind;
      byte[] body;
      if (section == null) {
        kind = BodyKind.NONE;
        body = new byte[0];
      } else if (section instanceof Data d) {
        kind = BodyKind.DATA;
        body = d.getValue() == null ? new byte[0] : binary(d.getValue());
      } else if (section instanceof AmqpValue v && v.getValue() instanceof String str) {
        kind = BodyKind.AMQP_VALUE_STRING;
        body = str.getBytes(StandardCharsets.UTF_8);
      } else if (section instanceof AmqpValue v && v.getValue() instanceof Binary bin) {
        kind = BodyKind.AMQP_VALUE_BINARY;
        body = binary(bin);
      } else {
        kind = BodyKind.OTHER;
        body = new byte[0];
      }
      Properties p = QpidAmqpAccess.propertiesOrNull(m);
      ApplicationProperties ap = QpidAmqpAccess.applicationProperties(m);
      Map<String, Object> app = new LinkedHashMap<>();
      if (ap != null && ap.getValue() != null) {
        ap.getValue().forEach((k, v) -> app.put(String.valueOf(k), v));
      }
      MessageAnnotations ma = QpidAmqpAccess.messageAnnotations(m);
      Map<String, Object> annotations = new LinkedHashMap<>();
      if (ma != null && ma.getValue() != null) {
        ma.getValue().forEach((k, v) -> annotations.put(String.valueOf(k), v));
      }
      return new Received(
          kind,
          body,
          p == null ? null : p.getMessageId(),
          p == null ? null : p.getSubject(),
          p == null || p.getContentType() == null ? null : p.getContentType().toString(),
          p == null || p.getContentEncoding() == null ? null : p.getContentEncoding().toString(),
          p == null ? null : p.getCorrelationId(),
          p == null ? null : p.getTo(),
          p == null ? null : p.getReplyTo(),
          m.getJMSDeliveryMode() == DeliveryMode.PERSISTENT,
          Collections.unmodifiableMap(app),
          Collections.unmodifiableMap(annotations));
    }

    private static byte[] binary(Binary b) {
      byte[] out = new byte[b.getLength()];
      System.arraycopy(b.getArray(), b.getArrayOffset(), out, 0, b.getLength());
      return out;
    }

    /** The body with gzip content-encoding undone. */
    public byte[] decodedBody() {
      return contentEncoding != null && contentEncoding.equalsIgnoreCase("gzip")
          ? gunzip(body)
          : body.clone();
    }

    /** {@link #decodedBody()} as UTF-8 text. */
    public String text() {
      return new String(decodedBody(), StandardCharsets.UTF_8);
    }

    /** The message-id as a string ({@code toString()} of the raw value), or null. */
    public String messageIdString() {
      return messageId == null ? null : messageId.toString();
    }

    /** An application property as a string, or null. */
    public String property(String name) {
      Object v = applicationProperties.get(name);
      return v == null ? null : v.toString();
    }

    @Override
    public String toString() {
      return "Received[" + bodyKind + " " + body.length + " bytes, message-id=" + messageId
          + ", subject=" + subject + ", content-type=" + contentType + ", content-encoding="
          + contentEncoding + ", durable=" + durable + ", app=" + applicationProperties + "]";
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** An attached consumer. Not thread-safe. */
  public final class Subscription implements AutoCloseable {
    private final String address;
    private final Session session;
    private final MessageConsumer consumer;

    private Subscription(String address, Session session, MessageConsumer consumer) {
      this.address = address;
      this.session = session;
      this.consumer = consumer;
    }

    /** Exactly {@code n} messages within {@code timeout}, or {@link ConsumeTimeoutException}. */
    public List<Received> receive(int n, Duration timeout) {
      List<Received> got = receiveUpTo(n, timeout);
      if (got.size() < n) {
        throw new ConsumeTimeoutException(
            "received " + got.size() + " of " + n + " messages from '" + address + "' within "
                + timeout,
            got);
      }
      return got;
    }

    /** Up to {@code max} messages, returning early once {@code max} arrived. */
    public List<Received> receiveUpTo(int max, Duration timeout) {
      List<Received> got = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      try {
        while (got.size() < max) {
          long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
          Message m = left <= 0 ? consumer.receiveNoWait() : consumer.receive(left);
          if (m == null) {
            break;
          }
          got.add(Received.of(m));
        }
      } catch (JMSException e) {
        throw new MachineException(
            "receiving from '" + address + "' failed after " + got.size() + " messages: "
                + e.getMessage(),
            e);
      }
      return got;
    }

    @Override
    public void close() {
      children.remove(this);
      closeQuietly(consumer);
      closeQuietly(session);
    }
  }

  /** A running request server (see {@link #serveRequests}). */
  public final class Responder implements AutoCloseable {
    private final Session session;
    final List<Received> served = new CopyOnWriteArrayList<>();
    final List<Exception> failures = new CopyOnWriteArrayList<>();

    private Responder(Session session) {
      this.session = session;
    }

    /** Requests answered so far. */
    public List<Received> served() {
      return List.copyOf(served);
    }

    /** Exceptions thrown while answering. */
    public List<Exception> failures() {
      return List.copyOf(failures);
    }

    @Override
    public void close() {
      children.remove(this);
      closeQuietly(session);
    }
  }

  /** A JMS operation failed; the cause is the Qpid JMS exception. */
  public static class MachineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MachineException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** {@link #request} got no matching response in time. */
  public static final class RequestTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RequestTimeoutException(String message) {
      super(message);
    }
  }

  /** {@link #consume} got fewer messages than asked for; {@link #received()} holds them. */
  public static final class ConsumeTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Received> received;

    public ConsumeTimeoutException(String message, List<Received> received) {
      super(message);
      this.received = List.copyOf(received);
    }

    public List<Received> received() {
      return received;
    }
  }
}
