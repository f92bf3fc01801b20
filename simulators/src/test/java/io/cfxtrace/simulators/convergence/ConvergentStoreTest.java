package io.cfxtrace.simulators.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.simulators.line.TruthLink;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * the event store is a function of the set of envelopes it holds (issue #12): whatever order the
 * envelopes arrive in, however many ingest instances share the work, and whatever a crash leaves
 * unsettled for the machines' spools to resend, the derived tables come out the same, and every
 * board's birth certificate and every package's where-used say what the simulator's ground truth
 * says went into which board.
 *
 * <p>One corpus ({@link Corpus}: three lines, panels of four on reusable carriers, splices, reel
 * changes, repairs, scrapped boards) is stored through the real ingest path ({@link
 * io.cfxtrace.ingest.pipeline.IngestPipeline} with {@link io.cfxtrace.ingest.normalize.CfxNormalizer})
 * into a fresh database per variant, which is dropped afterwards. Each variant is compared with
 * the truth ({@link TruthCheck}), and table by table with the store of the in-order delivery
 * ({@link StoreContent}, delivery columns left out). Every random choice of a variant comes from
 * the seed its name and its failure report give.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConvergentStoreTest {

  /** seeds of the permutations of the delivery order. */
  private static final long[] PERMUTATION_SEEDS = {101, 202, 303, 404, 505};

  /** seed of the shares and batch sizes of the competing instances. */
  private static final long COMPETING_SEED = 7;

  /** seed of the crash point, the duplicates resent and the resend order. */
  private static final long CRASH_SEED = 9;

  /** the in-order variant's batches; other variants draw theirs. */
  private static final int IN_ORDER_BATCH = 100;

  /** the in-order variant's credit (AMQP link credit of the one consumer). */
  private static final int IN_ORDER_CREDIT = 256;

  /** differing rows shown per table and side. */
  private static final int ROWS_SHOWN = 4;

  private static Corpus corpus;
  private static StoreContent inOrder;
  private static TruthCheck.Result inOrderTruth;

  /** what one variant produced. */
  private record Outcome(String variant, StoreContent content, TruthCheck.Result truth, List<String> deliveryFailures) {}

  @BeforeAll
  static void storeTheCorpusInPublicationOrder() throws Exception {
    corpus = new Corpus();
    Outcome a = variant("in publication order", db -> single(db, identity(), "instance-1", IN_ORDER_BATCH, IN_ORDER_CREDIT));
    assertThat(a.deliveryFailures()).as("deliveries the in-order store did not take").isEmpty();
    inOrder = a.content();
    inOrderTruth = a.truth();
  }

  @Test
  void theCorpusHasEveryFeatureTheVariantsAreAbout() {
    Map<String, List<String>> trips = corpus.carrierTrips();
    Map<String, Set<String>> boardsPerCarrierPosition = corpus.truth.stream().filter(t -> t.carrier() != null)
        .collect(Collectors.groupingBy(t -> t.carrier() + "#" + t.position(), Collectors.mapping(TruthLink::serial, Collectors.toSet())));
    Set<String> scrappedInACarrier = corpus.truth.stream().filter(t -> corpus.scrapped.contains(t.serial()) && t.carrier() != null)
        .map(TruthLink::serial).collect(Collectors.toSet());

    assertThat(corpus.plan.lines()).as("lines").isGreaterThanOrEqualTo(3);
    assertThat(corpus.serials()).as("boards").hasSize(Corpus.LINES * Corpus.BOARDS_PER_LINE);
    assertThat(corpus.summary.panels()).as("panels").isGreaterThan(Corpus.LINES * Corpus.CARRIERS_PER_LINE);
    assertThat(corpus.summary.splices()).as("splices").isPositive();
    assertThat(corpus.summary.reelChanges()).as("reel changes").isPositive();
    assertThat(corpus.summary.pasteChanges()).as("paste cartridge changes").isPositive();
    assertThat(corpus.summary.repaired()).as("boards repaired").isPositive();
    assertThat(corpus.scrapped).as("boards scrapped").isNotEmpty();
    assertThat(scrappedInACarrier).as("boards scrapped while in a carrier").isNotEmpty();
    assertThat(trips.values()).as("carriers reused for another panel").anySatisfy(panels -> assertThat(panels).hasSizeGreaterThan(1));
    assertThat(trips.values()).as("carriers that carry one panel only, as a panel with its own id").anySatisfy(panels -> assertThat(panels).hasSize(1));
    assertThat(boardsPerCarrierPosition.values()).as("<carrier>#<position> naming another board on another trip")
        .anySatisfy(serials -> assertThat(serials).hasSizeGreaterThan(1));
  }

  @Test
  void storedInPublicationOrderEveryBoardAndPackageAgreesWithTheGroundTruth() {
    assertThat(inOrderTruth.agrees()).withFailMessage(() -> "in publication order, compared with the ground truth: " + inOrderTruth.describe(corpus)
        + "\n  the store:" + inOrder.summary()).isTrue();
  }

  @Test
  void aBoardOnAReusedCarrierHasTheBoardsOfItsOwnTripAsSiblingsAndNoneOfAnotherTrip() {
    // not a matter of arrival order (the in-order store is asked): the carrier is every trip's
    // parent, and the siblings must still be those of the board's own panel
    assertThat(inOrderTruth.siblings()).withFailMessage(() -> "in publication order: " + inOrderTruth.describeSiblings(corpus)).isEmpty();
  }

  @Test
  void storedInPublicationOrderAgainInOtherBatchesTheStoreIsTheSame() throws Exception {
    Outcome o = variant("in publication order, batches of up to 5 and credit 8", db -> single(db, identity(), "instance-1", 5, 8));

    assertConverged(o);
  }

  static LongStream permutationSeeds() {
    return LongStream.of(PERMUTATION_SEEDS);
  }

  @ParameterizedTest(name = "permutation seed {0}")
  @MethodSource("permutationSeeds")
  void storedInAnyOrderTheStoreIsTheSameAndAgreesWithTheGroundTruth(long seed) throws Exception {
    Random r = new Random(seed);
    List<Integer> order = identity();
    Collections.shuffle(order, r);
    int batch = 4 + r.nextInt(125);
    int credit = batch + r.nextInt(256);

    Outcome o = variant("permutation seed " + seed + " (batches of up to " + batch + ", credit " + credit + ")",
        db -> single(db, order, "instance-1", batch, credit));

    assertConverged(o);
  }

  @ParameterizedTest(name = "{0} instances")
  @ValueSource(ints = {2, 4})
  void competingIngestInstancesOnOneStoreGiveTheSameStoreAsOne(int instances) throws Exception {
    Random r = new Random(COMPETING_SEED * 31 + instances);
    // competing consumers on one queue: each takes the envelopes the broker hands it, in queue
    // (publication) order, and commits them concurrently with the others
    List<List<Integer>> shares = new ArrayList<>();
    IntStream.range(0, instances).forEach(i -> shares.add(new ArrayList<>()));
    for (int i = 0; i < corpus.size(); i++) {
      shares.get(r.nextInt(instances)).add(i);
    }
    int[] batch = IntStream.range(0, instances).map(i -> 1 + r.nextInt(64)).toArray();
    int[] credit = IntStream.range(0, instances).map(i -> batch[i] + r.nextInt(64)).toArray();
    String name = instances + " competing instances, seed " + (COMPETING_SEED * 31 + instances) + " (shares "
        + shares.stream().map(List::size).toList() + ", batches of up to " + java.util.Arrays.toString(batch) + ", credit "
        + java.util.Arrays.toString(credit) + ")";

    Outcome o = variant(name, db -> {
      List<IngestInstance> all = new ArrayList<>();
      CountDownLatch gate = new CountDownLatch(1);
      try {
        for (int i = 0; i < instances; i++) {
          IngestInstance instance = new IngestInstance(corpus, db.dataSource(), "instance-" + (i + 1), batch[i], credit[i]);
          all.add(instance);
          instance.consume(shares.get(i), gate, () -> {});
        }
        gate.countDown();
        List<String> failures = new ArrayList<>();
        for (IngestInstance instance : all) {
          instance.awaitCompletion();
          failures.addAll(instance.failures());
        }
        return failures;
      } finally {
        all.forEach(IngestInstance::close);
      }
    });

    assertConverged(o);
  }

  @Test
  void aCrashWithDeliveriesUnsettledAndTheSpoolsResendingInAnotherOrderGivesTheSameStore() throws Exception {
    Random r = new Random(CRASH_SEED);
    int killAfter = (int) (corpus.size() * (0.3 + 0.4 * r.nextDouble()));
    int batch = 1 + r.nextInt(64);
    int credit = batch + r.nextInt(64);
    int resendBatch = 1 + r.nextInt(64);
    long resendSeed = r.nextLong();
    StringBuilder notes = new StringBuilder();

    Outcome o = variant("crash seed " + CRASH_SEED + " (killed after " + killAfter + " settled, batches of up to " + batch + ", credit " + credit
        + "; resent in batches of up to " + resendBatch + ")", db -> {
      // the first process takes the line's traffic as it is published and is killed (SIGKILL)
      // once killAfter deliveries settled, with its credit's worth in flight
      KillableStore first = new KillableStore(db.dataSource());
      CountDownLatch settledEnough = new CountDownLatch(killAfter);
      Set<Integer> settled;
      int handedOver;
      try (IngestInstance instance = new IngestInstance(corpus, first, "instance-1", batch, credit)) {
        instance.consume(identity(), new CountDownLatch(0), settledEnough::countDown);
        assertThat(settledEnough.await(IngestInstance.DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
            .as("%d deliveries settled before the kill", killAfter).isTrue();
        instance.stopConsuming();
        first.kill();
        instance.close();
        instance.awaitCompletion();
        settled = instance.settled();
        handedOver = instance.handedOver();
      }
      // the test's premise: the process died with deliveries it had taken and not settled
      assertThat(handedOver - settled.size()).as("deliveries taken by the killed process and not settled").isPositive();

      // the stations' spools resend what was not settled, each station in its own order, the
      // stations interleaved anyhow; and some already stored (a spool that lost its acks)
      Random resend = new Random(resendSeed);
      Set<Integer> again = new HashSet<>();
      for (int i = 0; i < corpus.size(); i++) {
        if (!settled.contains(i) || resend.nextInt(10) == 0) {
          again.add(i);
        }
      }
      List<Integer> order = stationsInterleaved(again, resend);
      long duplicates = order.stream().filter(settled::contains).count();
      notes.append("killed with ").append(handedOver - settled.size()).append(" of ").append(handedOver)
          .append(" deliveries taken unsettled; resent ").append(order.size()).append(" envelopes, ").append(duplicates)
          .append(" of them already stored");
      try (IngestInstance restarted = new IngestInstance(corpus, db.dataSource(), "instance-1-restarted", resendBatch, credit)) {
        restarted.consume(order, new CountDownLatch(0), () -> {});
        restarted.awaitCompletion();
        return restarted.failures();
      }
    });

    assertConverged(new Outcome(o.variant() + ": " + notes, o.content(), o.truth(), o.deliveryFailures()));
  }

  // ---- variants

  /** stores the corpus into a fresh database and returns what to compare. */
  @FunctionalInterface
  private interface Ingest {
    /**
     * stores the corpus.
     *
     * @return deliveries that failed.
     */
    List<String> into(TestDatabase db) throws Exception;
  }

  private static Outcome variant(String name, Ingest ingest) throws Exception {
    TestDatabase db = TestDatabase.migrated();
    try {
      List<String> failures = ingest.into(db);
      StoreContent content;
      try (Connection c = db.connect()) {
        content = StoreContent.read(c);
      }
      return new Outcome(name, content, TruthCheck.check(db, corpus), failures);
    } finally {
      drop(db);
    }
  }

  /** one instance taking the envelopes in the given order. */
  private static List<String> single(TestDatabase db, List<Integer> order, String name, int batch, int credit) throws Exception {
    try (IngestInstance instance = new IngestInstance(corpus, db.dataSource(), name, batch, credit)) {
      instance.consume(order, new CountDownLatch(0), () -> {});
      instance.awaitCompletion();
      return instance.failures();
    }
  }

  private static List<Integer> identity() {
    return IntStream.range(0, corpus.size()).boxed().collect(Collectors.toCollection(ArrayList::new));
  }

  /** the envelopes, each station's in publication order, the stations interleaved at random. */
  private static List<Integer> stationsInterleaved(Set<Integer> envelopes, Random r) {
    Map<String, List<Integer>> byStation = new LinkedHashMap<>();
    for (int i = 0; i < corpus.size(); i++) {
      if (envelopes.contains(i)) {
        byStation.computeIfAbsent(corpus.station(i), s -> new ArrayList<>()).add(i);
      }
    }
    List<List<Integer>> queues = new ArrayList<>(byStation.values());
    int[] next = new int[queues.size()];
    List<Integer> out = new ArrayList<>();
    while (out.size() < envelopes.size()) {
      int q = r.nextInt(queues.size());
      if (next[q] < queues.get(q).size()) {
        out.add(queues.get(q).get(next[q]++));
      }
    }
    return out;
  }

  /**
   * the variant's store equals the in-order store table by table and agrees with the ground truth;
   * the failure report says which tables differ (with rows), which boards and packages are wrong.
   */
  private static void assertConverged(Outcome o) {
    List<String> tables = o.content().differencesFrom(inOrder, "the in-order store", ROWS_SHOWN);
    boolean ok = tables.isEmpty() && o.truth().agrees() && o.deliveryFailures().isEmpty();
    assertThat(ok).withFailMessage(() -> {
      StringBuilder b = new StringBuilder("variant " + o.variant() + ": the store is not a function of the set of envelopes it holds");
      if (!o.deliveryFailures().isEmpty()) {
        b.append("\n  ").append(o.deliveryFailures().size()).append(" deliveries were not stored, e.g. ").append(o.deliveryFailures().get(0));
      }
      b.append("\n  tables differing from the in-order store: ").append(tables.size()).append(" of ").append(inOrder.tables.size());
      tables.forEach(t -> b.append("\n    ").append(t));
      b.append("\n  compared with the ground truth: ").append(o.truth().describe(corpus));
      b.append("\n  the in-order store, compared with the ground truth: ").append(inOrderTruth.describe(corpus).lines().findFirst().orElse(""));
      return b.toString();
    }).isTrue();
  }

  // ---- databases

  /** a variant's database is dropped once compared: only the in-order content is kept, in memory. */
  private static void drop(TestDatabase db) throws SQLException {
    Matcher m = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$").matcher(db.url());
    if (!m.matches()) {
      throw new IllegalStateException("not a PostgreSQL JDBC URL: " + db.url());
    }
    try (Connection c = DriverManager.getConnection(m.group(1) + "postgres" + m.group(3), db.user(), db.password());
        Statement s = c.createStatement()) {
      // FORCE (PostgreSQL 13+): an abandoned instance's connection must not keep it
      s.execute("drop database if exists \"" + m.group(2) + "\" with (force)");
    }
  }
}
