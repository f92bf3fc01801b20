package io.cfxtrace.endpoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.postoffice.QueueBinding;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.ComponentConfigurationRoutingType;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.protocol.amqp.broker.AMQPMessage;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpSequence;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Header;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;
import org.apache.qpid.proton.codec.ReadableBuffer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded Apache ActiveMQ Artemis broker speaking AMQP 1.0 on {@code 127.0.0.1:<ephemeral
 * port>}, for tests of the CFX endpoint in its broker (client) role. Nothing runs outside the JVM:
 * no Docker, no installed broker, never port 5672.
 *
 * <h2>Usage</h2>
 *
 * <pre>{@code
 * @TempDir Path dir;
 *
 * try (EmbeddedArtemis broker = EmbeddedArtemis.builder().dataDirectory(dir).user("cfx", "secret").start()) {
 *   broker.createAnycastQueue("/queue/cfx");
 *   try (JmsMachine machine = JmsMachine.connect(broker.amqpUri(), "cfx", "secret")) { ... }
 *   broker.restart();                       // same port, persistent messages kept
 *   broker.awaitMessageCount("/queue/cfx", 3, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * or as a JUnit 5 extension: {@code @RegisterExtension static final EmbeddedArtemis BROKER =
 * EmbeddedArtemis.builder().build();} (static field: one broker for the class, started before all
 * tests; instance field: a fresh broker per test). Without {@link Builder#dataDirectory} the broker
 * keeps its journal in a temporary directory that {@link #close()} deletes.
 *
 * <h2>Configuration</h2>
 *
 * Built in code (no broker.xml): persistence on (NIO journal, bindings, paging and large messages
 * under the data directory, so PERSISTENT/durable messages survive {@link #restart()}), JMX, the
 * critical analyzer and the disk-usage check off (a full CI disk must not block producers), one
 * acceptor {@code amqp} with {@code protocols=AMQP} on 127.0.0.1. Security is off unless {@link
 * Builder#user} was called; then SASL PLAIN with exactly those users is required (ANONYMOUS is
 * refused) and every user may do everything on every address.
 *
 * <h2>How addresses map (RabbitMQ-style names vs Artemis)</h2>
 *
 * Artemis has <em>addresses</em> with routing types ANYCAST (point-to-point: each message goes to
 * one of the address's anycast queues, normally one queue with the address's own name) and
 * MULTICAST (publish/subscribe: each queue bound to the address gets a copy; a multicast address
 * without queues drops messages). An AMQP link address is taken verbatim as the Artemis address
 * name, so RabbitMQ-style addresses such as {@code /exchange/cfx} or {@code /queue/cfx} are just
 * opaque names here: the leading slash has no meaning to Artemis (no acceptor prefixes are
 * configured) and {@code /exchange/cfx} and {@code /queue/cfx} are two unrelated addresses unless
 * {@link #bindExchangeToQueue} connects them with a divert, which emulates a RabbitMQ binding
 * (publish to the exchange, consume from the queue, as the CFX SDK's docs do).
 *
 * <p>The routing type of an <em>auto-created</em> address depends on the link: Qpid JMS announces
 * a {@code queue} capability for {@code Session.createQueue} (→ ANYCAST) and {@code topic} for
 * {@code createTopic} (→ MULTICAST, each consumer gets its own subscription queue). A plain AMQP
 * link without capabilities — what our Proton-J endpoint and the CFX SDK open — gets this broker's
 * default routing type, which is ANYCAST here (Artemis' own default is MULTICAST, which would
 * silently drop messages sent before any subscriber exists); change it with {@link
 * Builder#defaultRoutingType}. For deterministic tests create the nodes up front with {@link
 * #createAnycastQueue} or {@link #createMulticastAddressWithQueue}.
 */
public final class EmbeddedArtemis
    implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

  /** Name of the AMQP acceptor in the broker configuration. */
  public static final String ACCEPTOR_NAME = "amqp";

  private static final String ROLE = "cfx-test-role";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final int FIRST_START_PORT_ATTEMPTS = 5;

  private final Map<String, String> users;
  private final RoutingType defaultRoutingType;
  private final Map<String, String> acceptorParams;
  private final boolean syncJournal;
  private final boolean ownsDataDirectory;
  private final Path dataDirectory;
  private final int requestedPort;
  private final List<DivertConfiguration> diverts = new ArrayList<>();

  private volatile ActiveMQServer server;
  private volatile int port;
  private boolean startedForClass;

  private EmbeddedArtemis(Builder b) {
    this.users = Map.copyOf(b.users);
    this.defaultRoutingType = b.defaultRoutingType;
    this.acceptorParams = Map.copyOf(b.acceptorParams);
    this.syncJournal = b.syncJournal;
    this.requestedPort = b.port;
    if (b.dataDirectory != null) {
      this.dataDirectory = b.dataDirectory;
      this.ownsDataDirectory = false;
    } else {
      try {
        this.dataDirectory = Files.createTempDirectory("cfx-artemis-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a data directory for the embedded broker", e);
      }
      this.ownsDataDirectory = true;
    }
  }

  /** A builder; {@link Builder#build()} does not start the broker, {@link Builder#start()} does. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------------------------ lifecycle

  /**
   * Starts the broker (no-op when running) and returns once the AMQP acceptor is listening. The
   * first start picks a free ephemeral port (retrying with another port if the chosen one was
   * taken in between); later starts reuse that port.
   */
  public synchronized EmbeddedArtemis start() {
    if (isRunning()) {
      return this;
    }
    if (port == 0 && requestedPort == 0) {
      IllegalStateException last = null;
      for (int attempt = 0; attempt < FIRST_START_PORT_ATTEMPTS; attempt++) {
        port = freePort();
        try {
          startOn(port, Duration.ofSeconds(5));
          return this;
        } catch (IllegalStateException e) {
          last = e;
          stopQuietly();
        }
      }
      port = 0;
      throw Objects.requireNonNull(last);
    }
    if (port == 0) {
      port = requestedPort;
    }
    startOn(port, START_TIMEOUT);
    return this;
  }

  /** Stops the broker (no-op when stopped); the data directory and the port number are kept. */
  public synchronized void stop() {
    ActiveMQServer s = server;
    server = null;
    if (s == null) {
      return;
    }
    try {
      s.stop();
    } catch (Exception e) {
      throw new IllegalStateException("embedded Artemis did not stop cleanly", e);
    }
  }

  /**
   * Stops and starts the broker on the same port with the same data directory: durable queues,
   * addresses, diverts and persistent messages survive, connections are dropped.
   */
  public synchronized void restart() {
    int keep = port;
    stop();
    port = keep;
    startOn(port, START_TIMEOUT);
  }

  /** True while the broker is started and active. */
  public boolean isRunning() {
    ActiveMQServer s = server;
    return s != null && s.isStarted() && s.isActive();
  }

  /** Stops the broker and, when it created it, deletes the data directory. */
  @Override
  public synchronized void close() {
    stop();
    if (ownsDataDirectory) {
      deleteRecursively(dataDirectory);
    }
  }

  // ------------------------------------------------------------------------------------ accessors

  /** The AMQP port on 127.0.0.1 (0 before the first start). */
  public int port() {
    return port;
  }

  /** {@code amqp://127.0.0.1:<port>}, without credentials. */
  public String amqpUri() {
    requirePort();
    return "amqp://127.0.0.1:" + port;
  }

  /**
   * {@code amqp://user:password@127.0.0.1:<port>} as the CFX SDK writes credentials (user info in
   * the URI). Qpid JMS ignores user info; give it the credentials separately (see {@link
   * JmsMachine#connect(String, String, String)}).
   */
  public String amqpUri(String user, String password) {
    requirePort();
    return "amqp://" + user + ":" + password + "@127.0.0.1:" + port;
  }

  /** The directory holding journal, bindings, paging and large-messages directories. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** True when {@link Builder#user} configured credentials (SASL PLAIN required). */
  public boolean securityEnabled() {
    return !users.isEmpty();
  }

  /** The running Artemis server, for anything this class does not wrap. */
  public ActiveMQServer server() {
    ActiveMQServer s = server;
    if (s == null) {
      throw new IllegalStateException("the embedded broker is not running");
    }
    return s;
  }

  // ------------------------------------------------------------------------------------ topology

  /**
   * Creates (if missing) an ANYCAST address with one durable anycast queue of the same name:
   * point-to-point, like a RabbitMQ queue. Messages sent before any consumer exists are kept.
   */
  public void createAnycastQueue(String address) {
    ActiveMQServer s = server();
    try {
      ensureAddress(s, address, RoutingType.ANYCAST);
      if (s.locateQueue(address) == null) {
        s.createQueue(
            QueueConfiguration.of(address)
                .setAddress(address)
                .setRoutingType(RoutingType.ANYCAST)
                .setDurable(true)
                .setAutoCreated(false));
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create anycast queue " + address, e);
    }
  }

  /**
   * Creates (if missing) a MULTICAST address with one durable subscription queue named {@code
   * queue}: publish/subscribe, like a RabbitMQ fanout exchange bound to one queue. Consume from it
   * with the fully qualified name {@code address::queue} (Qpid JMS: {@code
   * createQueue("address::queue")}) or by attaching to the queue name.
   */
  public void createMulticastAddressWithQueue(String address, String queue) {
    ActiveMQServer s = server();
    try {
      ensureAddress(s, address, RoutingType.MULTICAST);
      if (s.locateQueue(queue) == null) {
        s.createQueue(
            QueueConfiguration.of(queue)
                .setAddress(address)
                .setRoutingType(RoutingType.MULTICAST)
                .setDurable(true)
                .setAutoCreated(false));
      }
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot create multicast address " + address + " with queue " + queue, e);
    }
  }

  /**
   * Emulates a RabbitMQ binding: messages sent to {@code exchangeAddress} (e.g. {@code
   * /exchange/cfx}) are copied into the anycast queue {@code queueAddress} (e.g. {@code
   * /queue/cfx}), whatever routing type the sender used. Implemented as a non-exclusive Artemis
   * divert from an ANYCAST+MULTICAST address; re-deployed after {@link #restart()}.
   */
  public synchronized void bindExchangeToQueue(String exchangeAddress, String queueAddress) {
    ActiveMQServer s = server();
    createAnycastQueue(queueAddress);
    try {
      AddressInfo info = s.getAddressInfo(SimpleString.of(exchangeAddress));
      if (info == null) {
        s.addAddressInfo(
            new AddressInfo(
                SimpleString.of(exchangeAddress),
                EnumSet.of(RoutingType.ANYCAST, RoutingType.MULTICAST)));
      } else if (info.getRoutingTypes().size() < 2) {
        s.addOrUpdateAddressInfo(
            new AddressInfo(
                SimpleString.of(exchangeAddress),
                EnumSet.of(RoutingType.ANYCAST, RoutingType.MULTICAST)));
      }
      DivertConfiguration divert =
          new DivertConfiguration()
              .setName("bind:" + exchangeAddress + "->" + queueAddress)
              .setRoutingName("bind:" + exchangeAddress + "->" + queueAddress)
              .setAddress(exchangeAddress)
              .setForwardingAddress(queueAddress)
              .setExclusive(false)
              .setRoutingType(ComponentConfigurationRoutingType.ANYCAST);
      deployDivert(s, divert);
      diverts.add(divert);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot bind " + exchangeAddress + " to " + queueAddress, e);
    }
  }

  /**
   * waits until a queue holds exactly {@code expected} messages. Artemis updates its counts
   * asynchronously, after it has settled the deliveries that changed them, so a count read right
   * after a send or a receive can lag.
   *
   * @param queue the queue.
   * @param expected the count to wait for.
   * @param timeout how long to wait.
   * @throws AssertionError naming the queue, the expected and the last seen count on time-out.
   */
  public void awaitMessageCount(String queue, long expected, Duration timeout) {
    long[] last = {-1};
    boolean reached =
        awaitCondition(
            () -> {
              last[0] = queueExists(queue) ? messageCount(queue) : -1;
              return last[0] == expected;
            },
            timeout);
    if (!reached) {
      throw new AssertionError("queue " + queue + " holds " + last[0] + " messages, expected " + expected + " within " + timeout.toMillis() + " ms");
    }
  }

  /**
   * Messages currently in {@code queue} (including those delivered but not yet acknowledged).
   *
   * @throws IllegalArgumentException when no such queue exists (the message lists those that do)
   */
  public long messageCount(String queue) {
    Queue q = server().locateQueue(queue);
    if (q == null) {
      throw new IllegalArgumentException(
          "no queue named '" + queue + "' on the embedded broker; queues: " + queueNames());
    }
    return q.getMessageCount();
  }

  /**
   * The messages waiting in {@code queue} (not those out for delivery), each as the AMQP bytes the
   * broker would send and as the list of sections those bytes decode to. This is the
   * JMS-independent view for asserting what a sender (e.g. our endpoint) really put on the wire:
   * how many Data sections, content-encoding, application properties, message-id type.
   */
  public List<StoredMessage> browse(String queue) {
    Queue q = server().locateQueue(queue);
    if (q == null) {
      throw new IllegalArgumentException(
          "no queue named '" + queue + "' on the embedded broker; queues: " + queueNames());
    }
    List<StoredMessage> out = new ArrayList<>();
    try (LinkedListIterator<MessageReference> it = q.browserIterator()) {
      while (it.hasNext()) {
        org.apache.activemq.artemis.api.core.Message m = it.next().getMessage();
        if (!(m instanceof AMQPMessage amqp)) {
          throw new IllegalStateException("not an AMQP message in " + queue + ": " + m.getClass());
        }
        ReadableBuffer buffer = amqp.getSendBuffer(1, null);
        byte[] encoded = new byte[buffer.remaining()];
        buffer.get(encoded);
        out.add(StoredMessage.decode(encoded));
      }
    }
    return out;
  }

  /** True when a queue of that name exists. */
  public boolean queueExists(String queue) {
    return server().locateQueue(queue) != null;
  }

  /** Names of all queues (sorted), for diagnostics. */
  public Set<String> queueNames() {
    Set<String> names = new TreeSet<>();
    try {
      server()
          .getPostOffice()
          .getAllBindings()
          .forEach(
              binding -> {
                if (binding instanceof QueueBinding qb) {
                  names.add(qb.getQueue().getName().toString());
                }
              });
    } catch (Exception e) {
      throw new IllegalStateException("cannot list queues", e);
    }
    return names;
  }

  // ------------------------------------------------------------------------------- JUnit 5 hooks

  @Override
  public void beforeAll(ExtensionContext context) {
    startedForClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    startedForClass = false;
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start(); // per-test broker for instance fields; restarts a class broker a test left stopped
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!startedForClass) {
      close();
    }
  }

  // ------------------------------------------------------------------------------------ internals

  private void startOn(int p, Duration acceptorTimeout) {
    ActiveMQServer s;
    try {
      s = ActiveMQServers.newActiveMQServer(configuration(p), null, securityManager(), true);
      s.start();
      if (!s.waitForActivation(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("embedded Artemis did not activate within " + START_TIMEOUT);
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("embedded Artemis failed to start", e);
    }
    server = s;
    // Artemis logs (and swallows) a failed bind and keeps running without the acceptor: make the
    // acceptor's state the success criterion and retry binding for a bounded time (the previous
    // instance's socket on the same port may still be closing during restart()).
    Acceptor acceptor = s.getRemotingService().getAcceptor(ACCEPTOR_NAME);
    if (acceptor == null) {
      throw new IllegalStateException("embedded Artemis has no acceptor named " + ACCEPTOR_NAME);
    }
    boolean listening =
        awaitCondition(
            () -> {
              if (acceptor.isStarted()) {
                return true;
              }
              try {
                acceptor.start();
              } catch (Exception bindFailed) {
                return false;
              }
              return acceptor.isStarted();
            },
            acceptorTimeout);
    if (!listening) {
      throw new IllegalStateException(
          "embedded Artemis could not listen on 127.0.0.1:" + p + " within " + acceptorTimeout);
    }
    for (DivertConfiguration divert : diverts) {
      try {
        deployDivert(s, divert);
      } catch (Exception e) {
        throw new IllegalStateException("cannot re-deploy divert " + divert.getName(), e);
      }
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException ignored) {
      // best effort while retrying with another port
    }
  }

  private Configuration configuration(int p) throws Exception {
    Path data = dataDirectory;
    Configuration c =
        new ConfigurationImpl()
            .setName("cfx-test-broker")
            .setPersistenceEnabled(true)
            .setSecurityEnabled(!users.isEmpty())
            .setJMXManagementEnabled(false)
            .setCriticalAnalyzer(false)
            .setMaxDiskUsage(-1)
            .setGracefulShutdownEnabled(false)
            .setJournalType(JournalType.NIO)
            .setJournalDatasync(syncJournal)
            .setJournalSyncNonTransactional(syncJournal)
            .setJournalSyncTransactional(syncJournal)
            .setJournalFileSize(1024 * 1024)
            .setJournalMinFiles(2)
            .setJournalPoolFiles(2)
            .setJournalDirectory(data.resolve("journal").toString())
            .setBindingsDirectory(data.resolve("bindings").toString())
            .setPagingDirectory(data.resolve("paging").toString())
            .setLargeMessagesDirectory(data.resolve("large-messages").toString())
            .setClusterPassword("cfx-test-cluster-" + System.identityHashCode(this));
    StringBuilder uri =
        new StringBuilder("tcp://127.0.0.1:")
            .append(p)
            .append("?protocols=AMQP;useEpoll=false;useKQueue=false");
    for (Map.Entry<String, String> e : acceptorParams.entrySet()) {
      uri.append(';').append(e.getKey()).append('=').append(e.getValue());
    }
    c.addAcceptorConfiguration(ACCEPTOR_NAME, uri.toString());
    c.addAddressSetting(
        "#",
        new AddressSettings()
            .setAutoCreateAddresses(true)
            .setAutoCreateQueues(true)
            .setDefaultAddressRoutingType(defaultRoutingType)
            .setDefaultQueueRoutingType(defaultRoutingType)
            .setDeadLetterAddress(SimpleString.of("DLQ"))
            .setExpiryAddress(SimpleString.of("ExpiryQueue"))
            .setAutoCreateDeadLetterResources(false)
            .setAutoCreateExpiryResources(false)
            .setRedeliveryDelay(0)
            .setMaxDeliveryAttempts(-1));
    if (!users.isEmpty()) {
      c.putSecurityRoles(
          "#", Set.of(new Role(ROLE, true, true, true, true, true, true, true, true, true, true, true, true)));
    }
    return c;
  }

  private ActiveMQJAASSecurityManager securityManager() {
    SecurityConfiguration sc = new SecurityConfiguration();
    for (Map.Entry<String, String> u : users.entrySet()) {
      sc.addUser(u.getKey(), u.getValue());
      sc.addRole(u.getKey(), ROLE);
    }
    return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), sc);
  }

  private static void ensureAddress(ActiveMQServer s, String address, RoutingType type)
      throws Exception {
    AddressInfo info = s.getAddressInfo(SimpleString.of(address));
    if (info == null) {
      s.addAddressInfo(new AddressInfo(SimpleString.of(address), type));
    } else if (!info.getRoutingTypes().contains(type)) {
      EnumSet<RoutingType> types = EnumSet.copyOf(info.getRoutingTypes());
      types.add(type);
      s.addOrUpdateAddressInfo(new AddressInfo(SimpleString.of(address), types));
    }
  }

  private static void deployDivert(ActiveMQServer s, DivertConfiguration divert) throws Exception {
    if (s.getPostOffice().getBinding(SimpleString.of(divert.getName())) == null) {
      s.deployDivert(divert);
    }
  }

  private void requirePort() {
    if (port == 0) {
      throw new IllegalStateException("the embedded broker has not been started yet");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int p = socket.getLocalPort();
      if (p == 5672) { // never squat the well-known AMQP port
        return freePort();
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free TCP port on 127.0.0.1", e);
    }
  }

  /** Polls {@code condition} every 10 ms until it holds or {@code timeout} has passed. */
  static boolean awaitCondition(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "EmbeddedArtemis[%s, security=%s, data=%s]",
        port == 0 ? "not started" : "127.0.0.1:" + port,
        users.isEmpty() ? "off" : "PLAIN " + users.keySet(),
        dataDirectory);
  }

  /**
   * A message as stored by the broker: its encoded AMQP sections (bare message plus header and
   * annotations) and their decoded form, in wire order.
   */
  public record StoredMessage(byte[] encoded, List<Section> sections) {

    static StoredMessage decode(byte[] encoded) {
      DecoderImpl decoder = new DecoderImpl();
      EncoderImpl encoder = new EncoderImpl(decoder);
      AMQPDefinedTypes.registerAllTypes(decoder, encoder);
      ByteBuffer buffer = ByteBuffer.wrap(encoded);
      decoder.setByteBuffer(buffer);
      List<Section> sections = new ArrayList<>();
      while (buffer.hasRemaining()) {
        Object section = decoder.readObject();
        if (!(section instanceof Section s)) {
          throw new IllegalStateException("not an AMQP message section: " + section);
        }
        sections.add(s);
      }
      return new StoredMessage(encoded, List.copyOf(sections));
    }

    /** The sections of one type, in order. */
    public <T extends Section> List<T> sections(Class<T> type) {
      return sections.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The header section or null. */
    public Header header() {
      List<Header> h = sections(Header.class);
      return h.isEmpty() ? null : h.get(0);
    }

    /** The properties section or null. */
    public Properties properties() {
      List<Properties> p = sections(Properties.class);
      return p.isEmpty() ? null : p.get(0);
    }

    /** Application properties (empty map when the section is absent). */
    public Map<String, Object> applicationProperties() {
      List<ApplicationProperties> a = sections(ApplicationProperties.class);
      Map<String, Object> map = new LinkedHashMap<>();
      if (!a.isEmpty() && a.get(0).getValue() != null) {
        a.get(0).getValue().forEach((k, v) -> map.put(String.valueOf(k), v));
      }
      return map;
    }

    /** The body sections (Data, AmqpValue, AmqpSequence) in order. */
    public List<Section> bodySections() {
      return sections.stream()
          .filter(s -> s instanceof Data || s instanceof AmqpValue || s instanceof AmqpSequence)
          .toList();
    }

    /** The Data sections' bytes concatenated (still content-encoded). */
    public byte[] dataBytes() {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (Data d : sections(Data.class)) {
        Binary b = d.getValue();
        out.write(b.getArray(), b.getArrayOffset(), b.getLength());
      }
      return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    @Override
    public String toString() {
      return "StoredMessage" + sections;
    }
  }

  /** Configures an {@link EmbeddedArtemis}. */
  public static final class Builder {
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> acceptorParams = new LinkedHashMap<>();
    private RoutingType defaultRoutingType = RoutingType.ANYCAST;
    private Path dataDirectory;
    private boolean syncJournal;
    private int port;

    private Builder() {}

    /**
     * Directory for journal, bindings, paging and large messages, e.g. a JUnit {@code @TempDir}.
     * Default: a fresh temporary directory deleted by {@link EmbeddedArtemis#close()}.
     */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory);
      return this;
    }

    /** Turns security on and adds a SASL PLAIN user allowed to do everything. */
    public Builder user(String name, String password) {
      users.put(Objects.requireNonNull(name), Objects.requireNonNull(password));
      return this;
    }

    /** Routing type of addresses auto-created for links without capabilities (default ANYCAST). */
    public Builder defaultRoutingType(RoutingType type) {
      this.defaultRoutingType = Objects.requireNonNull(type);
      return this;
    }

    /**
     * Extra Artemis acceptor URI parameter, e.g. {@code ("amqpIdleTimeout", "5000")}, {@code
     * ("saslMechanisms", "PLAIN")}, {@code ("anycastPrefix", "/queue/")} or TLS ({@code
     * sslEnabled}, {@code keyStorePath}, {@code keyStorePassword}).
     */
    public Builder acceptorParam(String key, String value) {
      acceptorParams.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
      return this;
    }

    /** Fixed port instead of an ephemeral one (never use 5672 in tests). */
    public Builder port(int fixedPort) {
      if (fixedPort < 0 || fixedPort > 65535) {
        throw new IllegalArgumentException("port out of range: " + fixedPort);
      }
      this.port = fixedPort;
      return this;
    }

    /**
     * fsync the journal on every durable write (default off: a clean {@link
     * EmbeddedArtemis#stop()} still flushes, so restart tests keep their messages; turn it on only
     * to test crash durability).
     */
    public Builder syncJournal(boolean sync) {
      this.syncJournal = sync;
      return this;
    }

    /** A stopped broker (start it with {@link EmbeddedArtemis#start()} or as an extension). */
    public EmbeddedArtemis build() {
      return new EmbeddedArtemis(this);
    }

    /** Builds and starts the broker. */
    public EmbeddedArtemis start() {
      EmbeddedArtemis broker = build();
      try {
        return broker.start();
      } catch (RuntimeException e) {
        broker.close();
        throw e;
      }
    }
  }
}
