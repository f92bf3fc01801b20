package io.cfxtrace.endpoint.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.endpoint.AmqpProperties;
import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.RecordingSink;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.endpoint.SubscriptionConfig;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.endpoint.testing.JmsMachine.Received;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.codec.CfxCodec;
import jakarta.jms.JMSSecurityException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * interoperability of the CFX endpoint with a real RabbitMQ 3.x and its AMQP 1.0 plugin, the
 * broker CFX sites most often run. Opt-in: skipped unless {@code CFX_TEST_RABBITMQ_URL} names the
 * broker, for example
 *
 * <pre>{@code
 * rabbitmq-plugins enable rabbitmq_amqp1_0 rabbitmq_management
 * CFX_TEST_RABBITMQ_URL=amqp://guest:guest@127.0.0.1:5672 mvn -pl cfx-endpoint -am test -Dtest=RabbitMqInteropTest -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 *
 * The user needs configure/write/read rights on the default virtual host. Tests that bind an
 * exchange to a named queue set them up through the management HTTP API ({@code
 * CFX_TEST_RABBITMQ_MANAGEMENT_URL}, default {@code http://<host>:15672} with the AMQP user) and
 * are skipped when it does not answer; the plugin itself cannot declare exchanges or bindings.
 * Every run uses its own {@code cfx-test-<id>} names and deletes its queues and exchanges (through
 * the management API, or {@code rabbitmqctl delete_queue} on a local broker without it).
 *
 * <h2>RabbitMQ 3.x AMQP 1.0 behaviour these tests pin down (seen on 3.10.8)</h2>
 *
 * <ul>
 *   <li>Addresses: a target {@code /queue/Q} (and a bare {@code Q}) publishes through the default
 *       exchange and <b>declares Q</b> on attach; a source {@code /queue/Q} declares Q too; {@code
 *       /amq/queue/Q} uses an existing Q and never declares. {@code /exchange/X/K} publishes to X
 *       with routing key K and {@code /exchange/X} with the message <b>subject</b> as routing key,
 *       which for an SDK message is {@code <handle>.<MessageName>}, so a topic exchange can route
 *       CFX traffic by station and message. X must exist. A source {@code /exchange/X/K} consumes
 *       from a server-named queue ({@code amq.gen-...}) bound with K. It misses what was sent
 *       before the attach, and the plugin declares it neither exclusive nor auto-delete, so it
 *       outlives the link and the connection, goes on collecting messages and is never removed:
 *       every attach (every reconnect) leaves one behind. A subscriber should use a named queue.
 *   <li>The declaring forms use the terminus {@code durable} field as the queue's durability: our
 *       links ask for none unless {@code durableSource} is set, so a queue first declared through
 *       {@code /queue/Q} by one of our links is <b>not durable</b> (lost with a broker restart), and
 *       a queue declared durable elsewhere is refused to a non-durable {@code /queue/Q} attach
 *       ({@code PRECONDITION_FAILED - inequivalent arg 'durable'}). Subscribe to operator-made
 *       queues with {@code /amq/queue/Q}, or set {@code durableSource}.
 *   <li>A refused attach (missing queue or exchange, inequivalent queue) is answered by ending
 *       the whole <b>session</b> with the error ({@code amqp:not-found}, {@code
 *       amqp:precondition-failed}), not by a detach of the link.
 *   <li>Publishing: a message that no binding routes is still settled Accepted (publisher-confirm
 *       semantics) and dropped. The application properties, message-id, subject, content-type,
 *       content-encoding, creation-time and durable flag of our messages arrive unchanged.
 *   <li>Outcomes: a released delivery is redelivered at once. (The plugin's README: accepted,
 *       rejected and released are supported, {@code modified} is not.)
 *   <li>Credit drain crashes the consumer's channel in RabbitMQ before 3.10.20/3.11.9 ({@code
 *       function_clause ... send_drained}, rabbitmq-server issue 7119): our endpoint never drains,
 *       but a Qpid JMS consumer drains on {@code receiveNoWait()} (the harness' {@code
 *       receiveUpTo} does once its time is up), so these tests only use exact-count receives.
 *   <li>SASL: PLAIN and ANONYMOUS are offered; ANONYMOUS logs in as the plugin's {@code
 *       default_user} (guest, unless configured {@code none}), so an anonymous CFX machine gets
 *       guest's rights; a wrong PLAIN password is refused with a SASL outcome. The open frame's
 *       hostname selects the virtual host only as {@code vhost:NAME} (plugin README); anything
 *       else, such as our default (the broker's host name), means the default virtual host.
 * </ul>
 *
 * <h2>Qpid JMS behaviour the tests work around</h2>
 *
 * A Qpid JMS consumer treats a Data section whose content-type is textual ({@code
 * application/json; charset="utf-8"}, what the SDK and this endpoint send) as a TextMessage unless
 * the Qpid-specific annotation {@code x-opt-jms-msg-type} says otherwise, and its receive decodes
 * the body as UTF-8: a gzip body (the SDK default) fails with "Cannot decode String in UTF-8" and is
 * disposed undeliverable. So a JMS consumer cannot read SDK-gzipped CFX messages; the JMS consumer
 * test sends raw JSON (our {@code gzip=false}, as SDK 1.0/1.1 firmware does).
 */
@Timeout(90)
class RabbitMqInteropTest {

  private static final String URL_ENV = "CFX_TEST_RABBITMQ_URL";
  private static final String MANAGEMENT_ENV = "CFX_TEST_RABBITMQ_MANAGEMENT_URL";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final CfxCodec CODEC = new CfxCodec();

  private static @Nullable AmqpUri broker;
  private static @Nullable Management management;

  @TempDir Path dir;
  private String run;
  private String handle;
  private CfxEndpoint endpoint;
  private final List<AutoCloseable> channels = new ArrayList<>();
  private final List<String> queues = new ArrayList<>();
  private final List<String> exchanges = new ArrayList<>();

  @BeforeAll
  static void findRabbitMq() {
    String url = System.getenv(URL_ENV);
    if (url == null || url.isBlank()) {
      return; // every test is skipped, with the reason, in startEndpoint
    }
    broker = AmqpUri.parse(url);
    String managementUrl = System.getenv(MANAGEMENT_ENV);
    management = Management.probe(managementUrl != null && !managementUrl.isBlank() ? managementUrl : "http://" + broker.host() + ":15672", broker);
  }

  @BeforeEach
  void startEndpoint() {
    assumeTrue(
        broker != null,
        "RabbitMQ interop tests are opt-in: set " + URL_ENV + "=amqp://guest:guest@127.0.0.1:5672 (a RabbitMQ 3.x with"
            + " 'rabbitmq-plugins enable rabbitmq_amqp1_0'; add rabbitmq_management for the exchange-binding tests)");
    run = UUID.randomUUID().toString().substring(0, 8);
    handle = "CfxTrace.Interop.T" + run;
    endpoint = CfxEndpoint.start(EndpointIdentity.of(handle, null), CfxEndpoint.Options.defaults());
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (endpoint == null) {
      return; // skipped
    }
    for (AutoCloseable c : channels) {
      c.close();
    }
    endpoint.close();
    for (String q : queues) {
      deleteQueue(q);
    }
    for (String x : exchanges) {
      if (management != null) {
        management.delete("exchanges", x);
      }
    }
    // server-named queues that /exchange/X/K sources left behind (see the class comment)
    for (String q : management != null ? management.queuesBoundFrom("amq.topic", handle) : RabbitCtl.queuesBoundFrom("amq.topic", handle)) {
      deleteQueue(q);
    }
  }

  // -------------------------------------------------------------------------------- round trips

  @Test
  void ourPublisherAndOurSubscriptionRoundTripThroughAQueueWithTheSdkPropertiesIntact() throws Exception {
    String queue = queue("roundtrip");
    RecordingSink sink = new RecordingSink();
    subscribe("/queue/" + queue, false, broker, sink);
    Publisher publisher = publisher("/queue/" + queue, true);
    CfxEnvelope sent = workStarted("PANEL-1", 3);

    publisher.publish(sent).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    InboundMessage got = sink.next(WAIT.toSeconds());

    assertThat(got.deadLetters()).isEmpty();
    assertThat(got.envelopes()).singleElement().satisfies(e -> {
      assertThat(e.typed()).isTrue();
      assertThat(e.envelope()).isEqualTo(sent);
    });
    AmqpProperties p = got.origin().properties();
    assertThat(p.messageId()).isEqualTo(sent.uniqueId());
    assertThat(p.subject()).isEqualTo(handle + ".CFX.Production.WorkStarted");
    assertThat(p.contentType()).isEqualTo("application/json; charset=\"utf-8\"");
    assertThat(p.contentEncoding()).isEqualTo("gzip");
    assertThat(p.creationTime()).isNotNull();
    assertThat(p.durable()).isTrue();
    assertThat(p.applicationProperties())
        .containsEntry("cfx-topic", "CFX.Production")
        .containsEntry("cfx-message", "CFX.Production.WorkStarted")
        .containsEntry("cfx-handle", handle);
    assertThat(got.origin().address()).isEqualTo("/queue/" + queue);
    assertThat(got.origin().remoteContainerId()).startsWith("rabbit@");
  }

  @Test
  void aQpidJmsMachinePublishingToAQueueReachesOurSubscriptionWithItsSdkProperties() throws Exception {
    String queue = queue("jms-in");
    String machine = "SMTPlus.Model_21232.SN" + run;
    CfxEnvelope sent = CfxEnvelope.event(machine, new WorkStarted("PANEL-7", null, UUID.randomUUID().toString(), 2, 1, List.of(), null, null, null, null));
    try (JmsMachine jms = JmsMachine.builder(rawUri()).handle(machine).connect()) {
      jms.publishCfx("/queue/" + queue, CODEC.encode(sent), true);
    }
    RecordingSink sink = new RecordingSink();
    subscribe("/queue/" + queue, false, broker, sink);

    InboundMessage got = sink.next(WAIT.toSeconds());

    assertThat(got.envelopes()).singleElement().satisfies(e -> assertThat(e.envelope()).isEqualTo(sent));
    AmqpProperties p = got.origin().properties();
    assertThat(p.messageId()).isEqualTo(sent.uniqueId());
    assertThat(p.subject()).isEqualTo(machine + ".CFX.Production.WorkStarted");
    assertThat(p.contentEncoding()).isEqualTo("gzip");
    assertThat(p.to()).isEqualTo("/queue/" + queue);
    assertThat(p.applicationProperties()).containsEntry("cfx-handle", machine).containsEntry("cfx-message", "CFX.Production.WorkStarted");
  }

  @Test
  void ourPublisherReachesAQpidJmsConsumerWithTheSdkProperties() throws Exception {
    String queue = queue("jms-out");
    Publisher publisher = publisher("/queue/" + queue, false); // raw JSON: see the class comment on Qpid JMS and gzip
    CfxEnvelope sent = workStarted("PANEL-2", 2);
    publisher.publish(sent).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    Received got;
    try (JmsMachine jms = JmsMachine.connect(rawUri())) {
      got = jms.consume("/queue/" + queue, 1, WAIT).get(0);
    }

    assertThat(CODEC.decodeEnvelope(got.text().getBytes(StandardCharsets.UTF_8))).isEqualTo(sent);
    assertThat(got.messageId()).isEqualTo(sent.uniqueId());
    assertThat(got.subject()).isEqualTo(handle + ".CFX.Production.WorkStarted");
    assertThat(got.contentType()).isEqualTo(JmsMachine.CFX_CONTENT_TYPE);
    assertThat(got.contentEncoding()).isNull();
    assertThat(got.durable()).isTrue();
    assertThat(got.applicationProperties())
        .containsEntry("cfx-topic", "CFX.Production")
        .containsEntry("cfx-message", "CFX.Production.WorkStarted")
        .containsEntry("cfx-handle", handle);
  }

  @Test
  void aQpidJmsConsumerCannotReadAGzipBodyWhoseContentTypeSaysJsonText() throws Exception {
    String queue = queue("jms-gzip");
    publisher("/queue/" + queue, true).publish(workStarted("PANEL-3", 1)).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    try (JmsMachine jms = JmsMachine.connect(rawUri())) {
      assertThatThrownBy(() -> jms.consume("/queue/" + queue, 1, WAIT))
          .isInstanceOf(JmsMachine.MachineException.class)
          .hasMessageContaining("Cannot decode String in UTF-8");
    }
  }

  @Test
  void aMegabyteGzipMessageCrossesRabbitMqInManyFrames() throws Exception {
    String queue = queue("large");
    RecordingSink sink = new RecordingSink();
    subscribe("/queue/" + queue, false, broker, sink);
    CfxEnvelope sent = workStarted("PANEL-BIG", 40_000); // each board with its own serial: ~10 MB of JSON
    assertThat(CfxCodec.gzip(CODEC.encode(sent)).length).isGreaterThan(1024 * 1024); // more than four of our 256 KiB frames

    publisher("/queue/" + queue, true).publish(sent).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(sink.envelopes(1, WAIT.toSeconds())).containsExactly(sent);
  }

  @Test
  void aFailedStoreReleasesTheDeliveryAndRabbitMqRedeliversIt() throws Exception {
    String queue = queue("release");
    RecordingSink sink = new RecordingSink();
    AtomicInteger calls = new AtomicInteger();
    sink.behave(m -> calls.incrementAndGet() == 1
        ? CompletableFuture.failedFuture(new IOException("database down"))
        : CompletableFuture.completedFuture(null));
    subscribe("/queue/" + queue, false, broker, sink);
    CfxEnvelope sent = workStarted("PANEL-4", 1);

    publisher("/queue/" + queue, true).publish(sent).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(sink.envelopes(2, WAIT.toSeconds())).containsExactly(sent, sent);
  }

  // --------------------------------------------------------------------------- address forms

  @Test
  void aSubscriptionOnTheAmqQueueFormReceivesFromAQueueThatAlreadyExists() throws Exception {
    String queue = queue("amq");
    CfxEnvelope sent = workStarted("PANEL-5", 1);
    publisher("/queue/" + queue, true).publish(sent).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS); // declares it
    RecordingSink sink = new RecordingSink();

    subscribe("/amq/queue/" + queue, false, broker, sink);

    assertThat(sink.envelopes(1, WAIT.toSeconds())).containsExactly(sent);
  }

  @Test
  void aSubscriptionToAMissingQueueUnderTheAmqQueueFormIsRefusedAsNotFound() {
    Subscription s = subscribe("/amq/queue/" + queue("missing"), false, broker, new RecordingSink());

    ChannelStatus status = awaitStatus(s::status, st -> st.lastError() != null);

    assertThat(status.isUp()).isFalse();
    assertThat(status.lastError()).containsIgnoringCase("not-found");
  }

  @Test
  void publishingToAnExchangeWithoutRoutingKeyRoutesByTheSdkSubject() throws Exception {
    CfxEnvelope sent = workStarted("PANEL-6", 1);
    Publisher publisher = publisher("/exchange/amq.topic", false);
    try (JmsMachine jms = JmsMachine.connect(rawUri())) {
      // a temporary queue bound to amq.topic with "<our handle>.#"; attached before we publish
      JmsMachine.Subscription bound = jms.subscribe("/exchange/amq.topic/" + handle + ".#", JmsMachine.Kind.QUEUE);

      publisher.publish(sent).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

      Received got = bound.receive(1, WAIT).get(0);
      assertThat(got.subject()).isEqualTo(handle + ".CFX.Production.WorkStarted");
      assertThat(CODEC.decodeEnvelope(got.text().getBytes(StandardCharsets.UTF_8))).isEqualTo(sent);
    }
  }

  @Test
  void aMessageThatNoBindingRoutesIsStillAcceptedAndDropped() throws Exception {
    Publisher publisher = publisher("/exchange/amq.direct/" + queue("nobody"), true);

    publisher.publish(workStarted("PANEL-8", 1)).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(publisher.pending()).isZero();
  }

  @Test
  void publishingToAMissingExchangeIsRefusedAsNotFoundAndTheEnvelopeStaysSpooled() throws Exception {
    Publisher publisher = publisher("/exchange/" + "cfx-test-" + run + "-missing", true);

    CompletableFuture<Void> done = publisher.publish(workStarted("PANEL-9", 1)).toCompletableFuture();
    ChannelStatus status = awaitStatus(publisher::status, st -> st.lastError() != null);

    assertThat(status.lastError()).containsIgnoringCase("not-found");
    assertThat(done).isNotDone();
    assertThat(publisher.pending()).isEqualTo(1);
  }

  @Test
  void publishingToAnExchangeBoundToAQueueReachesOurSubscriptionOnTheAmqQueueForm() throws Exception {
    Management admin = requireManagement();
    String exchange = exchange("fanout", "fanout");
    String queue = queue("bound");
    admin.put("queues", queue, "{\"durable\":true,\"auto_delete\":false,\"arguments\":{}}");
    admin.bind(exchange, queue, "");
    RecordingSink sink = new RecordingSink();
    subscribe("/amq/queue/" + queue, false, broker, sink);
    CfxEnvelope sent = workStarted("PANEL-10", 2);

    publisher("/exchange/" + exchange, true).publish(sent).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    InboundMessage got = sink.next(WAIT.toSeconds());
    assertThat(got.envelopes()).singleElement().satisfies(e -> assertThat(e.envelope()).isEqualTo(sent));
    assertThat(got.origin().properties().applicationProperties()).containsEntry("cfx-handle", handle);
  }

  @Test
  void aDurableQueueIsRefusedToANonDurableQueueAttachAndAcceptedToADurableOne() throws Exception {
    Management admin = requireManagement();
    String queue = queue("durable");
    admin.put("queues", queue, "{\"durable\":true,\"auto_delete\":false,\"arguments\":{}}");

    Subscription plain = subscribe("/queue/" + queue, false, broker, new RecordingSink());
    ChannelStatus refused = awaitStatus(plain::status, st -> st.lastError() != null);
    plain.close();
    RecordingSink sink = new RecordingSink();
    subscribe("/queue/" + queue, true, broker, sink);
    CfxEnvelope sent = workStarted("PANEL-11", 1);
    publisher("/amq/queue/" + queue, true).publish(sent).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(refused.lastError()).containsIgnoringCase("precondition");
    assertThat(sink.envelopes(1, WAIT.toSeconds())).containsExactly(sent);
  }

  // ------------------------------------------------------------------------------------ SASL

  @Test
  void saslPlainWithTheRightPasswordAttachesTheSubscription() {
    assumeTrue(broker.user() != null, URL_ENV + " has no user, so PLAIN is not exercised");

    Subscription s = subscribe("/queue/" + queue("plain"), false, broker, new RecordingSink());

    assertThat(awaitStatus(s::status, ChannelStatus::isUp).lastError()).isNull();
  }

  @Test
  void aWrongPasswordIsRefusedAsAnAuthenticationFailureAndRetried() {
    assumeTrue(broker.user() != null, URL_ENV + " has no user to try a wrong password for");
    AmqpUri wrong = new AmqpUri(broker.tls(), broker.host(), broker.port(), broker.user(), "wrong-" + run, null);

    Subscription s = subscribe("/queue/" + queue("wrong"), false, wrong, new RecordingSink());
    ChannelStatus status = awaitStatus(s::status, st -> st.failedAttempts() > 0 && st.lastError() != null);

    assertThat(status.isUp()).isFalse();
    assertThat(status.lastError()).containsIgnoringCase("sasl");
  }

  @Test
  void saslAnonymousEitherLogsInAsThePluginsDefaultUserOrIsRefusedCleanly() {
    AmqpUri anonymous = new AmqpUri(broker.tls(), broker.host(), broker.port(), null, null, null);

    Subscription s = subscribe("/queue/" + queue("anonymous"), false, anonymous, new RecordingSink());
    ChannelStatus status = awaitStatus(s::status, st -> st.isUp() || (st.failedAttempts() > 0 && st.lastError() != null));

    // RabbitMQ's default (amqp1_0.default_user = guest) lets ANONYMOUS in; "none" refuses it
    assertThat(status).satisfiesAnyOf(
        st -> assertThat(st.isUp()).isTrue(),
        st -> assertThat(st.lastError()).containsIgnoringCase("sasl"));
  }

  @Test
  void theIndependentClientIsRefusedTheWrongPasswordToo() {
    assumeTrue(broker.user() != null, URL_ENV + " has no user to try a wrong password for");

    assertThatThrownBy(() -> JmsMachine.connect("amqp://" + broker.host() + ":" + broker.port(), broker.user(), "wrong-" + run).close())
        .isInstanceOf(JmsMachine.MachineException.class)
        .hasCauseInstanceOf(JMSSecurityException.class);
  }

  // --------------------------------------------------------------------------------- helpers

  /** {@code amqp://user:password@host:port} without address, as JmsMachine takes it. */
  private static String rawUri() {
    return (broker.tls() ? "amqps" : "amqp") + "://"
        + (broker.user() == null ? "" : enc(broker.user()) + ":" + enc(broker.password() == null ? "" : broker.password()) + "@")
        + broker.host() + ":" + broker.port();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String queue(String what) {
    String name = "cfx-test-" + run + "-" + what;
    queues.add(name);
    return name;
  }

  private String exchange(String what, String type) throws Exception {
    String name = "cfx-test-" + run + "-" + what;
    requireManagement().put("exchanges", name, "{\"type\":\"" + type + "\",\"durable\":false,\"auto_delete\":false,\"arguments\":{}}");
    exchanges.add(name);
    return name;
  }

  private Subscription subscribe(String address, boolean durable, AmqpUri uri, RecordingSink sink) {
    Subscription s =
        endpoint.subscribe(
            new SubscriptionConfig("rabbit", uri, address, null, null, durable, ListenerConfig.Limits.defaults(), fastReconnect()),
            sink);
    channels.add(s);
    return s;
  }

  private Publisher publisher(String address, boolean gzip) throws IOException {
    Publisher p =
        endpoint.publisher(
            new PublisherConfig(
                "rabbit", broker, address, null, null, gzip, dir.resolve("spool-" + channels.size()), SpoolOptions.defaults(), 8, Duration.ZERO, fastReconnect()));
    channels.add(p);
    return p;
  }

  private static ReconnectPolicy fastReconnect() {
    return new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.2);
  }

  private CfxEnvelope workStarted(String panel, int boards) {
    Random r = new Random(boards);
    List<UnitPosition> units = new ArrayList<>();
    for (int i = 1; i <= boards; i++) {
      units.add(new BasicUnitPosition(boards > 100 ? new UUID(r.nextLong(), r.nextLong()).toString() : panel, i, "CIRCUIT" + i, Math.round(r.nextDouble() * 1e6) / 1e4, Math.round(r.nextDouble() * 1e6) / 1e4, null, 0.0, false, false, null));
    }
    return CfxEnvelope.event(handle, new WorkStarted(panel, null, UUID.randomUUID().toString(), 1, boards, units, "Recipe-" + run, "1", null, null));
  }

  private static ChannelStatus awaitStatus(Supplier<ChannelStatus> status, java.util.function.Predicate<ChannelStatus> until) {
    await(() -> until.test(status.get()), () -> "channel status never got there; last: " + status.get());
    return status.get();
  }

  /** polls every 20 ms: the endpoint reports channel state only as a value, not as an event. */
  private static void await(BooleanSupplier condition, Supplier<String> failure) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(failure.get() + " (waited " + WAIT + ")");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private static Management requireManagement() {
    assumeTrue(management != null, "the RabbitMQ management API does not answer (enable rabbitmq_management, or set " + MANAGEMENT_ENV + ")");
    return management;
  }

  private static void deleteQueue(String queue) throws Exception {
    if (management != null) {
      management.delete("queues", queue);
    } else {
      RabbitCtl.deleteQueue(queue);
    }
  }

  /** the RabbitMQ management HTTP API on the default virtual host, for topology the plugin cannot make. */
  private static final class Management {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;
    private final String authorization;

    private Management(String base, String user, String password) {
      this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
      this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable Management probe(String base, AmqpUri amqp) {
      Management m = new Management(base, amqp.user() == null ? "guest" : amqp.user(), amqp.password() == null ? "guest" : amqp.password());
      try {
        return m.send("GET", "/api/overview", null, 200) ? m : null;
      } catch (IOException | InterruptedException | RuntimeException e) {
        return null;
      }
    }

    void put(String kind, String name, String json) throws IOException, InterruptedException {
      if (!send("PUT", "/api/" + kind + "/%2F/" + enc(name), json, 201, 204)) {
        throw new IllegalStateException("management API: cannot declare " + kind + " " + name);
      }
    }

    void bind(String exchange, String queue, String key) throws IOException, InterruptedException {
      if (!send("POST", "/api/bindings/%2F/e/" + enc(exchange) + "/q/" + enc(queue), "{\"routing_key\":\"" + key + "\",\"arguments\":{}}", 201)) {
        throw new IllegalStateException("management API: cannot bind " + exchange + " to " + queue);
      }
    }

    void delete(String kind, String name) throws IOException, InterruptedException {
      send("DELETE", "/api/" + kind + "/%2F/" + enc(name), null, 204, 404);
    }

    /** queues bound from {@code exchange} with a routing key starting with {@code keyPrefix}. */
    List<String> queuesBoundFrom(String exchange, String keyPrefix) throws IOException, InterruptedException {
      HttpResponse<String> r = http.send(request("GET", "/api/exchanges/%2F/" + enc(exchange) + "/bindings/source", null), HttpResponse.BodyHandlers.ofString());
      List<String> out = new ArrayList<>();
      if (r.statusCode() == 200) {
        for (JsonNode b : new ObjectMapper().readTree(r.body())) {
          if (b.path("destination_type").asText().equals("queue") && b.path("routing_key").asText().startsWith(keyPrefix)) {
            out.add(b.path("destination").asText());
          }
        }
      }
      return out;
    }

    private boolean send(String method, String path, @Nullable String json, int... ok) throws IOException, InterruptedException {
      int status = http.send(request(method, path, json), HttpResponse.BodyHandlers.discarding()).statusCode();
      for (int code : ok) {
        if (status == code) {
          return true;
        }
      }
      return false;
    }

    private HttpRequest request(String method, String path, @Nullable String json) {
      return HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(10))
          .header("Authorization", authorization)
          .header("content-type", "application/json")
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
          .build();
    }
  }

  /** {@code rabbitmqctl} on this machine, for cleaning up when the management API is off. */
  private static final class RabbitCtl {
    static void deleteQueue(String queue) throws IOException, InterruptedException {
      run("delete_queue", queue);
    }

    static List<String> queuesBoundFrom(String exchange, String keyPrefix) throws IOException, InterruptedException {
      List<String> out = new ArrayList<>();
      for (String line : run("list_bindings", "-q", "source_name", "destination_name", "routing_key").split("\n")) {
        String[] f = line.split("\t");
        if (f.length == 3 && f[0].equals(exchange) && f[2].startsWith(keyPrefix)) {
          out.add(f[1]);
        }
      }
      return out;
    }

    /** the command's output, or nothing when there is no local rabbitmqctl (names are unique per run anyway). */
    private static String run(String... args) throws IOException, InterruptedException {
      Path ctl = onPath("rabbitmqctl");
      if (ctl == null || !isLocal(broker.host())) {
        return "";
      }
      List<String> command = new ArrayList<>(List.of(ctl.toString()));
      command.addAll(List.of(args));
      Path out = Files.createTempFile("rabbitmqctl-", ".out");
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return "";
        }
        return Files.readString(out);
      } finally {
        Files.deleteIfExists(out);
      }
    }

    private static @Nullable Path onPath(String name) {
      String path = System.getenv("PATH");
      if (path == null) {
        return null;
      }
      for (String d : path.split(File.pathSeparator)) {
        Path p = Path.of(d, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
      return null;
    }

    private static boolean isLocal(String host) {
      try {
        return InetAddress.getByName(host).isLoopbackAddress() || host.toLowerCase(Locale.ROOT).equals("localhost");
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }
}
