package io.cfxtrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.normalize.SmtLineAccess;
import io.cfxtrace.query.interlock.Holds;
import io.cfxtrace.query.interlock.Holds.Hold;
import io.cfxtrace.query.interlock.Interlocks;
import io.cfxtrace.query.interlock.Interlocks.UnitFacts;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.unit.BirthCertificate.RouteStep;
import io.cfxtrace.query.unit.BirthCertificateQuery;
import io.cfxtrace.query.unit.BirthCertificateQuery.UnitRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * what the interlocks read of a unit in their one statement ({@link Interlocks.StoreUnits}) is
 * what the birth certificate reads of it (its keys, its route, each step's work order), on the
 * query tests' line, for every way a station may name a board; and a hold put or released is in
 * the very next read.
 */
class InterlockFactsTest {

  private static QueryServiceFixture service;
  private static Interlocks.StoreUnits units;
  private static BirthCertificateQuery certificates;
  private static Holds holds;

  @BeforeAll
  static void start() {
    service = QueryServiceFixture.storing(TestLine.envelopes());
    units = new Interlocks.StoreUnits(service.context().getBean(EventStoreReader.class));
    certificates = service.context().getBean(BirthCertificateQuery.class);
    holds = service.context().getBean(Holds.class);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  /** a step as the rules read it: when, where, what, the result, the recipe, the work order. */
  private record Seen(java.time.Instant time, String station, String eventType, String result, String recipe, String workOrder, String key) {
    static Seen of(RouteStep s) {
      return new Seen(s.time(), s.station(), s.eventType(), s.result(), s.recipe(), s.workOrder(), s.key());
    }
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>(List.of(SmtLineAccess.PANEL, TestLine.GLUE_PANEL + "#1", TestLine.GLUE_PANEL + "#2", "SN-NEVER-SEEN"));
    for (int board = 1; board <= SmtLineAccess.BOARDS; board++) {
      names.add(SmtLineAccess.serial(board));
      names.add(SmtLineAccess.PANEL + "#" + board);
    }
    return names;
  }

  @Test
  void theInterlocksReadTheUnitAndTheRouteTheBirthCertificateShowsForEveryNameOfABoard() {
    int withWorkOrder = 0;
    for (String name : names()) {
      UnitRoute certificate = certificates.unitRoute(name);
      UnitFacts facts = units.find(name);
      assertThat(facts.route().unit()).as("unit named %s", name).isEqualTo(certificate.unit());
      assertThat(facts.route().steps().stream().map(Seen::of).toList()).as("route of %s", name)
          .isEqualTo(certificate.steps().stream().map(Seen::of).toList());
      assertThat(facts.holds()).as("holds on %s", name).isEmpty();
      withWorkOrder += (int) facts.route().steps().stream().map(RouteStep::workOrder).filter(Objects::nonNull).count();
    }
    // the line names a work order (the laser's UnitsInitialized): the comparison covers the lookup
    assertThat(withWorkOrder).isPositive();
  }

  @Test
  void aHoldOnTheUnitTheKeyOrAWorkOrderIsReadAtOnceAndItsReleaseToo() {
    String serial = SmtLineAccess.serial(1);
    String workOrder = units.find(serial).route().steps().stream().map(RouteStep::workOrder).filter(Objects::nonNull).findFirst().orElseThrow();
    List<Long> ids = new ArrayList<>();
    ids.addAll(holds.hold("work_order", List.of(workOrder), null, "work order stopped by planning", "test", null));
    ids.addAll(holds.hold("unit", List.of(serial, SmtLineAccess.PANEL + "#1"), null, "dropped on the floor", "test", null));
    ids.addAll(holds.hold("unit", List.of(SmtLineAccess.serial(2)), null, "another board", "test", null));
    try {
      assertThat(units.find(SmtLineAccess.PANEL + "#1").holds()).extracting(Hold::kind, Hold::value).containsExactly(
          org.assertj.core.groups.Tuple.tuple("work_order", workOrder), org.assertj.core.groups.Tuple.tuple("unit", serial),
          org.assertj.core.groups.Tuple.tuple("unit", SmtLineAccess.PANEL + "#1"));
      assertThat(units.find(serial).holds()).extracting(Hold::value).containsExactly(workOrder, serial);
    } finally {
      for (long id : ids) {
        holds.release(id, "test done", "test", null);
      }
    }
    assertThat(units.find(SmtLineAccess.PANEL + "#1").holds()).isEmpty();
  }
}
