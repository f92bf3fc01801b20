package io.cfxtrace.simulators.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.ingest.testing.Await;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.simulators.testing.CliRun;
import io.cfxtrace.simulators.testing.RunningCli;
import java.io.File;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * the README's scale-out, on a real broker: two {@code ./cfx ingest} instances consume one durable
 * RabbitMQ queue as competing consumers and write one store, {@code ./cfx simulate} publishes a
 * line to the queue, and {@code ./cfx query} answers for a board. Opt-in, like the endpoint's
 * RabbitMQ interop tests: skipped unless {@code CFX_TEST_RABBITMQ_URL} names a RabbitMQ 3.x with
 * the AMQP 1.0 plugin ({@code rabbitmq-plugins enable rabbitmq_amqp1_0}), for example
 *
 * <pre>{@code
 * CFX_TEST_RABBITMQ_URL=amqp://guest:guest@127.0.0.1:5672 \
 * CFX_TEST_JDBC_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' \
 *   mvn -pl simulators -am test -Dtest=CompetingIngestInstancesTest -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 *
 * ({@code CFX_TEST_JDBC_URL} is optional: without it the store is the embedded PostgreSQL.) The
 * queue is {@code cfx-test-cli-<id>}, declared durable by the instances' subscriptions ({@code
 * /queue/<q>} with {@code durable=true}); a local {@code rabbitmqctl} deletes it afterwards.
 */
@Timeout(300)
class CompetingIngestInstancesTest {

  private static final String URL_ENV = "CFX_TEST_RABBITMQ_URL";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PUBLISHED = Pattern.compile("published (\\d+) envelopes, all accepted");

  private final List<RunningCli> services = new ArrayList<>();
  private String queue;

  @AfterEach
  void stopAndDeleteTheQueue() throws Exception {
    for (RunningCli service : services) {
      service.close();
    }
    if (queue != null) {
      deleteQueue(queue);
    }
  }

  @Test
  void twoIngestInstancesShareADurableQueueAndTheQueryServiceAnswersForWhatEitherStored() throws Exception {
    String url = System.getenv(URL_ENV);
    assumeTrue(url != null && !url.isBlank(), "opt-in: set " + URL_ENV + "=amqp://guest:guest@127.0.0.1:5672 (RabbitMQ 3.x with"
        + " 'rabbitmq-plugins enable rabbitmq_amqp1_0')");
    AmqpUri broker = AmqpUri.parse(url);
    queue = "cfx-test-cli-" + UUID.randomUUID().toString().substring(0, 8);
    TestDatabase db = TestDatabase.create();
    int[] ingestHttp = {ServiceCommandsTest.freePort(), ServiceCommandsTest.freePort()};
    for (int http : ingestHttp) {
      List<String> args = new ArrayList<>(List.of("ingest", "-Dmicronaut.server.port=" + http,
          "-Dcfx.ingest.subscriptions.rabbit.uri=" + withAddress(broker, "/queue/" + queue),
          "-Dcfx.ingest.subscriptions.rabbit.durable=true"));
      args.addAll(ServiceCommandsTest.store(db));
      RunningCli ingest = RunningCli.start(args.toArray(String[]::new));
      services.add(ingest);
      // /health is UP once the subscription is attached, so the queue exists before anyone publishes
      ServiceCommandsTest.awaitReady(ingest, http);
    }

    CliRun line = CliRun.of("simulate", "--fast", "--boards", "12", "--seed", "5", "--target", withAddress(broker, "/amq/queue/" + queue));
    assertThat(line.exit()).as(line.out() + line.err()).isZero();
    Matcher published = PUBLISHED.matcher(line.out());
    assertThat(published.find()).as(line.out()).isTrue();
    long envelopes = Long.parseLong(published.group(1));

    Await.until("all " + envelopes + " envelopes stored", Duration.ofSeconds(60), () -> count(db, "select count(*) from raw_message") == envelopes);
    long first = received(ingestHttp[0]);
    long second = received(ingestHttp[1]);
    assertThat(first).as("envelopes the first instance received").isPositive();
    assertThat(second).as("envelopes the second instance received").isPositive();
    assertThat(first + second).as("each envelope went to one instance").isEqualTo(envelopes);

    int queryHttp = ServiceCommandsTest.freePort();
    List<String> args = new ArrayList<>(List.of("query", "-Dmicronaut.server.port=" + queryHttp, "-Dcfx.query.auth.enabled=false"));
    args.addAll(ServiceCommandsTest.store(db));
    RunningCli query = RunningCli.start(args.toArray(String[]::new));
    services.add(query);
    ServiceCommandsTest.awaitReady(query, queryHttp);
    JsonNode certificate = JSON.readTree(ServiceCommandsTest.get(queryHttp, "/api/units/SN-L1-000001", null).body());
    assertThat(certificate.path("unit").asText()).isEqualTo("SN-L1-000001");
    assertThat(certificate.path("route").size()).isGreaterThan(5);
  }

  /** the broker's URI, credentials included, with another address. */
  private static String withAddress(AmqpUri broker, String address) {
    String user = broker.user() == null ? "" : encode(broker.user()) + (broker.password() == null ? "" : ":" + encode(broker.password())) + "@";
    return (broker.tls() ? "amqps" : "amqp") + "://" + user + broker.host() + ":" + broker.port() + address;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** the instance's count of envelopes received, from its Prometheus endpoint. */
  private static long received(int http) throws Exception {
    String text = ServiceCommandsTest.get(http, "/prometheus", null, "text/plain").body();
    Matcher m = Pattern.compile("(?m)^cfx_ingest_envelopes_received_total ([0-9.]+)$").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return (long) Double.parseDouble(m.group(1));
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** {@code rabbitmqctl delete_queue} when the broker runs here; the name is unique per run otherwise. */
  private static void deleteQueue(String queue) throws Exception {
    String host = AmqpUri.parse(System.getenv(URL_ENV)).host();
    Path ctl = null;
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d, "rabbitmqctl");
      if (Files.isExecutable(p)) {
        ctl = p;
      }
    }
    if (ctl == null || !InetAddress.getByName(host).isLoopbackAddress()) {
      return;
    }
    Process p = new ProcessBuilder(ctl.toString(), "delete_queue", queue).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }
}
