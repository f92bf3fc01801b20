package io.cfxtrace.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.ingest.IngestApplication;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.testing.StoreFingerprint;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.simulators.demo.ServiceSettings;
import io.cfxtrace.simulators.line.TruthLink;
import io.cfxtrace.simulators.testing.CliRun;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * two ingest services as competing consumers of one durable broker queue (issue #12, item 2 and
 * the integration test of item 5): {@code ./cfx simulate --fast} publishes two lines into an
 * embedded Artemis queue that both services consume, batches of one transaction landing on both;
 * every envelope is stored once, every exact material link of the simulator's ground truth is
 * filed under its board (never under the bare panel id), and {@code ./cfx rebuild} reproduces the
 * tables.
 */
@Timeout(240)
class TwoIngestServicesOnOneQueueTest {

  private static final String USER = "cfx";
  private static final String PASSWORD = "s3cret-pw";
  private static final String QUEUE = "cfx.plant";
  private static final Duration WAIT = Duration.ofSeconds(120);

  @RegisterExtension static final EmbeddedArtemis BROKER = EmbeddedArtemis.builder().user(USER, PASSWORD).build();

  private static Map<String, Object> consumer(TestDatabase db) {
    Map<String, Object> p = ServiceSettings.ingest(new ServiceSettings.Store(db.url(), db.user(), db.password()), "127.0.0.1", 0, -1);
    p.put("cfx.ingest.subscriptions.plant.uri", BROKER.amqpUri(USER, PASSWORD) + "/" + QUEUE);
    // a small credit and batch: the two services take turns on the queue, so the messages of one
    // work transaction are spread over both
    p.put("cfx.ingest.subscriptions.plant.credit", 10);
    p.put("cfx.ingest.batch-size", 25);
    return p;
  }

  @Test
  void twoServicesOnOneQueueStoreEveryEnvelopeOnceAndFileEveryLinkUnderItsBoard(@TempDir Path dir) throws Exception {
    BROKER.createAnycastQueue(QUEUE);
    TestDatabase db = TestDatabase.create();
    Path truth = dir.resolve("truth.jsonl");
    List<ApplicationContext> services = new ArrayList<>();
    try {
      services.add(IngestApplication.start(new String[0], consumer(db)));
      services.add(IngestApplication.start(new String[0], consumer(db)));
      await("both services to consume " + QUEUE, () -> BROKER.server().locateQueue(org.apache.activemq.artemis.api.core.SimpleString.of(QUEUE))
          .getConsumerCount() == 2);

      CliRun sim = CliRun.of("simulate", "--fast", "--target=" + BROKER.amqpUri(USER, PASSWORD) + "/" + QUEUE, "--lines=2", "--boards=24",
          "--seed=12", "--start=2026-05-04T06:00:00+02:00", "--truth=" + truth, "--drain-timeout=60");
      assertThat(sim.exit()).as("simulate: %s / %s", sim.out(), sim.err()).isZero();
      int published = published(sim);

      await("every envelope to be stored", () -> count(db, "select count(*) from envelope_key") == published && BROKER.messageCount(QUEUE) == 0);
      for (ApplicationContext s : services) {
        await("the service's writer to be idle", () -> s.getBean(IngestPipeline.class).queued() == 0);
      }
      assertThat(count(db, "select count(*) from raw_message")).isEqualTo(published);
      assertThat(count(db, "select count(*) from dead_letter")).isZero();
      assertThat(count(db, "select count(distinct connection_id) from raw_message")).as("envelopes stored through both services' connections")
          .isEqualTo(2);

      // no bare panel id is a unit: every per-unit row names a board or a panel position
      assertThat(rows(db, "select distinct unit_id from unit_material where unit_id like 'PNL-%' and unit_id not like '%#%'")).isEmpty();
      assertThat(rows(db, "select distinct unit_id from transaction_unit where unit_id like 'PNL-%' and unit_id not like '%#%'")).isEmpty();
      // every exact link of the ground truth, and nothing else, resolved to its board
      Set<String> expected = new TreeSet<>();
      for (String line : Files.readAllLines(truth)) {
        TruthLink t = TruthLink.parse(line);
        if (t.exact()) {
          expected.add(t.serial() + " " + t.referenceDesignator() + " " + t.materialPackage());
        }
      }
      assertThat(expected).isNotEmpty();
      Set<String> stored = new TreeSet<>(rows(db, "select unit_at(unit_id, installed_at) || ' ' || reference_designator || ' ' || material_package_id"
          + " from unit_material where link_kind = 'installed'"));
      assertThat(stored).isEqualTo(expected);

      Map<String, String> live = StoreFingerprint.of(db);
      services.forEach(ApplicationContext::close);
      services.clear();
      CliRun rebuild = CliRun.of("rebuild", "--url=" + db.url(), "--user=" + (db.user() == null ? "" : db.user()),
          "--password=" + (db.password() == null ? "" : db.password()), "--batch-size=50", "--no-progress");
      assertThat(rebuild.exit()).as("rebuild: %s / %s", rebuild.out(), rebuild.err()).isZero();
      assertThat(rebuild.out()).contains("rebuild finished: " + published + " envelopes");
      assertThat(StoreFingerprint.of(db)).isEqualTo(live);
    } finally {
      services.forEach(ApplicationContext::close);
    }
  }

  private static int published(CliRun simulate) {
    Matcher m = Pattern.compile("published (\\d+) envelopes, all accepted by ").matcher(simulate.out());
    assertThat(m.find()).as("simulate's output: %s / %s", simulate.out(), simulate.err()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static long count(TestDatabase db, String sql) {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static List<String> rows(TestDatabase db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("waited %s for %s", WAIT, what).isNegative();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }
}
