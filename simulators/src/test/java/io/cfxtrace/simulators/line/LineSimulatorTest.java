package io.cfxtrace.simulators.line;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import io.cfxtrace.model.cfx.production.UnitsInitialized;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.assembly.MaterialsInstalled;
import io.cfxtrace.model.cfx.production.loadingandunloading.UnitsUnloaded;
import io.cfxtrace.model.cfx.structures.BasicInstalledMaterial;
import io.cfxtrace.model.cfx.structures.InstalledComponent;
import io.cfxtrace.model.cfx.structures.InstalledMaterial;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTInstalledComponent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** the traffic generator alone: determinism, order, coherence with its own ground truth. */
class LineSimulatorTest {

  private static final OffsetDateTime START = OffsetDateTime.parse("2026-05-04T06:00:00+02:00");
  private static final CfxCodec CODEC = new CfxCodec();

  /** a run long enough for every kind of event: two lines of 300 boards, panels of four. */
  private static Run big;

  private record Run(List<Emission> emissions, List<TruthLink> truth, LineSimulator.Summary summary) {}

  private static Run run(SimulationPlan plan) {
    List<TruthLink> truth = new ArrayList<>();
    LineSimulator sim = new LineSimulator(plan, truth::add);
    List<Emission> out = new ArrayList<>();
    sim.forEachRemaining(out::add);
    return new Run(out, truth, sim.summary());
  }

  /** two lines of 40 boards on two reusable carriers each: every carrier makes several trips. */
  private static Run carried;

  @BeforeAll
  static void simulateTwoLines() {
    big = run(new SimulationPlan(2, 300, 4, 42, START));
    carried = run(new SimulationPlan(2, 40, 4, 42, START, 2));
  }

  private static List<String> encoded(Run run) {
    return run.emissions().stream().map(e -> e.station() + " " + e.time() + " " + new String(CODEC.encode(e.envelope()),
        java.nio.charset.StandardCharsets.UTF_8)).toList();
  }

  @Test
  void theSameSeedGivesTheSameEnvelopesByteForByteAndTheSameTruth() {
    Run a = run(new SimulationPlan(1, 40, 4, 7, START));
    Run b = run(new SimulationPlan(1, 40, 4, 7, START));

    assertThat(encoded(a)).isEqualTo(encoded(b));
    assertThat(a.truth()).isEqualTo(b.truth());
  }

  @Test
  void anotherSeedGivesOtherTraffic() {
    Run a = run(new SimulationPlan(1, 40, 4, 7, START));
    Run b = run(new SimulationPlan(1, 40, 4, 8, START));

    assertThat(encoded(a)).isNotEqualTo(encoded(b));
    assertThat(a.truth()).isNotEqualTo(b.truth());
  }

  @Test
  void envelopesComeInTimeOrderStampedWithTheirTimeFromTheStationThatPublishesThem() {
    Set<String> handles = LineSimulator.stations(new SimulationPlan(2, 1, 4, 42, START)).stream().map(Station::handle).collect(Collectors.toSet());
    Emission previous = null;
    for (Emission e : big.emissions()) {
      if (previous != null) {
        assertThat(e.time()).as("after %s", previous.envelope().messageName()).isAfterOrEqualTo(previous.time());
      }
      assertThat(e.envelope().source()).isEqualTo(e.station()).isIn(handles);
      assertThat(e.envelope().timeStamp().toInstant(START.getOffset())).isEqualTo(e.time());
      previous = e;
    }
    assertThat(big.emissions()).extracting(e -> e.envelope().uniqueId()).doesNotHaveDuplicates();
  }

  @Test
  void everyStationOfEveryLinePublishesTheWholeRepertoire() {
    Map<String, Set<String>> names = big.emissions().stream()
        .collect(Collectors.groupingBy(Emission::station, Collectors.mapping(e -> e.envelope().messageName(), Collectors.toSet())));
    Set<String> all = names.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));

    assertThat(names).hasSize(20);
    assertThat(all).containsAll(Arrays.asList(
        "CFX.Production.UnitsInitialized", "CFX.Sensor.Identification.IdentifiersRead", "CFX.Production.UnitsArrived",
        "CFX.Production.UnitsDeparted", "CFX.Production.WorkStarted", "CFX.Production.WorkCompleted", "CFX.Materials.Storage.MaterialsLoaded",
        "CFX.Materials.Storage.MaterialsUnloaded", "CFX.Materials.Storage.SplicePointDetected", "CFX.Production.Assembly.MaterialsInstalled",
        "CFX.Production.Processing.UnitsProcessed", "CFX.Production.TestAndInspection.UnitsInspected",
        "CFX.Production.TestAndInspection.UnitsTested", "CFX.Production.ReworkAndRepair.UnitsRepaired", "CFX.Production.UnitsDisqualified",
        "CFX.Production.Assembly.UnitsPersonalized", "CFX.Production.OperatorActivated", "CFX.Production.RecipeActivated",
        "CFX.ResourcePerformance.StationStateChanged", "CFX.ResourcePerformance.FaultOccurred", "CFX.ResourcePerformance.FaultCleared",
        "CFX.Heartbeat"));
    names.forEach((station, messages) -> assertThat(messages).as(station).contains("CFX.Heartbeat", "CFX.Production.WorkStarted"));
    LineSimulator.Summary s = big.summary();
    assertThat(s.boards()).isEqualTo(600);
    assertThat(s.envelopes()).isEqualTo(big.emissions().size());
    assertThat(List.of(s.splices(), s.reelChanges(), s.pasteChanges(), s.aoiDefects(), s.repaired(), s.disqualified(), s.faults()))
        .allSatisfy(n -> assertThat(n).isPositive());
  }

  @Test
  void everyBoardGetsEachDesignatorOfItsBillOfMaterialsOnceAndOnePasteCartridge() {
    Map<String, List<TruthLink>> bySerial = big.truth().stream().collect(Collectors.groupingBy(TruthLink::serial));
    assertThat(bySerial).hasSize(600);
    Set<Set<String>> boms = Catalog.PRODUCTS.stream()
        .map(p -> p.placements().stream().map(Product.Placement::referenceDesignator).collect(Collectors.toSet())).collect(Collectors.toSet());
    bySerial.forEach((serial, links) -> {
      List<String> designators = links.stream().filter(TruthLink::exact).map(TruthLink::referenceDesignator).toList();
      assertThat(designators).as(serial).doesNotHaveDuplicates();
      assertThat(boms).as(serial).contains(new HashSet<>(designators));
      assertThat(links).as(serial).filteredOn(l -> !l.exact()).singleElement()
          .satisfies(l -> assertThat(l.partNumber()).isEqualTo(Catalog.PASTE_PART));
    });
  }

  @Test
  void whatThePlacersReportInstalledIsWhatTheTruthSays() {
    // panel id + position -> serial, from the truth itself
    Map<String, String> serialAt = big.truth().stream().collect(Collectors.toMap(t -> t.panel() + "#" + t.position(), TruthLink::serial, (a, b) -> a));
    Set<String> reported = new TreeSet<>();
    for (Emission e : big.emissions()) {
      if (e.envelope().messageBody() instanceof MaterialsInstalled mi) {
        for (InstalledMaterial im : mi.installedMaterials()) {
          BasicInstalledMaterial b = (BasicInstalledMaterial) im;
          for (InstalledComponent c : b.installedComponents()) {
            reported.add(String.join(" ", serialAt.get(b.unitIdentifier() + "#" + b.unitPositionNumber()), e.station(),
                ((SMTInstalledComponent) c).referenceDesignator(), b.material().uniqueIdentifier(), b.material().batchId(),
                b.material().internalPartNumber()));
          }
        }
      }
    }
    Set<String> truth = big.truth().stream().filter(TruthLink::exact)
        .map(t -> String.join(" ", t.serial(), t.station(), t.referenceDesignator(), t.materialPackage(), t.lot(), t.partNumber()))
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(reported).isEqualTo(truth);
  }

  @Test
  void theSameSeedWithCarriersGivesTheSameEnvelopesAndTheSameTruth() {
    Run again = run(new SimulationPlan(2, 40, 4, 42, START, 2));

    assertThat(encoded(again)).isEqualTo(encoded(carried));
    assertThat(again.truth()).isEqualTo(carried.truth());
  }

  @Test
  void onCarriersTheStationsNameEveryPanelByItsCarrierAndNeverByItsOwnId() {
    Set<String> panels = carried.truth().stream().map(TruthLink::panel).collect(Collectors.toSet());
    Set<String> carriers = carried.truth().stream().map(TruthLink::carrier).collect(Collectors.toSet());

    assertThat(carriers).containsExactlyInAnyOrder("CAR-L1-01", "CAR-L1-02", "CAR-L2-01", "CAR-L2-02");
    assertThat(carried.summary().carrierReuses()).isEqualTo(carried.summary().panels() - carriers.size());
    for (Emission e : carried.emissions()) {
      String json = new String(CODEC.encode(e.envelope()), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(panels).as(json).noneMatch(json::contains);
    }
  }

  @Test
  void aCarriersTripsFollowEachOtherFromMarkingToUnloadingWithoutOverlap() {
    // per carrier, in time order: the laser's UnitsInitialized starts a trip, UnitsUnloaded ends it;
    // between an unloading and the next marking only the laser names the carrier
    Map<String, List<String>> sequence = new java.util.TreeMap<>();
    for (Emission e : carried.emissions()) {
      if (e.envelope().messageBody() instanceof UnitsInitialized i) {
        sequence.computeIfAbsent(i.primaryIdentifier(), c -> new ArrayList<>()).add("marked");
      } else if (e.envelope().messageBody() instanceof UnitsUnloaded u) {
        sequence.computeIfAbsent(u.uniqueIdentifier(), c -> new ArrayList<>()).add("unloaded");
      } else if (e.envelope().messageBody() instanceof WorkStarted w && w.primaryIdentifier().startsWith("CAR-")
          && !e.station().contains(".Laser.")) {
        List<String> s = sequence.get(w.primaryIdentifier());
        assertThat(s).as("%s at %s works on %s between its trips", e.station(), e.time(), w.primaryIdentifier()).isNotNull().last()
            .isEqualTo("marked");
      }
    }
    Map<String, Long> trips = carried.truth().stream().collect(Collectors.groupingBy(TruthLink::carrier,
        Collectors.collectingAndThen(Collectors.mapping(TruthLink::panel, Collectors.toSet()), p -> (long) p.size())));

    sequence.forEach((carrier, events) -> {
      List<String> alternating = new ArrayList<>();
      for (int i = 0; i < trips.get(carrier); i++) {
        alternating.add("marked");
        alternating.add("unloaded");
      }
      assertThat(events).as(carrier).isEqualTo(alternating);
    });
    assertThat(trips.values()).allSatisfy(n -> assertThat(n).isGreaterThan(1));
  }

  @Test
  void onCarriersWhatThePlacersReportInstalledIsWhatTheTruthSays() {
    // <carrier>#<position> -> serial of the carrier's current trip, from the laser's marking
    Map<String, String> serialAt = new java.util.HashMap<>();
    Set<String> reported = new TreeSet<>();
    for (Emission e : carried.emissions()) {
      if (e.envelope().messageBody() instanceof UnitsInitialized i) {
        for (io.cfxtrace.model.cfx.structures.UnitPosition u : i.units()) {
          io.cfxtrace.model.cfx.structures.BasicUnitPosition b = (io.cfxtrace.model.cfx.structures.BasicUnitPosition) u;
          serialAt.put(i.primaryIdentifier() + "#" + b.positionNumber(), b.unitIdentifier());
        }
      } else if (e.envelope().messageBody() instanceof MaterialsInstalled mi) {
        for (InstalledMaterial im : mi.installedMaterials()) {
          BasicInstalledMaterial b = (BasicInstalledMaterial) im;
          for (InstalledComponent c : b.installedComponents()) {
            reported.add(String.join(" ", serialAt.get(b.unitIdentifier() + "#" + b.unitPositionNumber()), e.station(),
                ((SMTInstalledComponent) c).referenceDesignator(), b.material().uniqueIdentifier(), b.material().batchId(),
                b.material().internalPartNumber()));
          }
        }
      }
    }
    Set<String> truth = carried.truth().stream().filter(TruthLink::exact)
        .map(t -> String.join(" ", t.serial(), t.station(), t.referenceDesignator(), t.materialPackage(), t.lot(), t.partNumber()))
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(reported).isEqualTo(truth);
  }

  @Test
  void everyKindOfEnvelopeSurvivesTheWireFormatUnchanged() {
    // the first five of each message name from each station: every shape the line sends
    Map<String, List<Emission>> samples = big.emissions().stream()
        .collect(Collectors.groupingBy(e -> e.station() + " " + e.envelope().messageName()));
    List<Emission> sample = samples.values().stream().flatMap(l -> l.stream().limit(5)).toList();
    assertThat(sample).hasSizeGreaterThan(200);
    for (Emission e : sample) {
      byte[] wire = CODEC.encodeGzip(e.envelope());
      List<DecodeOutcome> decoded = CODEC.decode(wire);
      assertThat(decoded).singleElement().isInstanceOfSatisfying(DecodeOutcome.Decoded.class, d -> {
        assertThat(d.typed()).as(e.envelope().messageName()).isTrue();
        CfxEnvelope back = d.envelope();
        assertThat(CODEC.encode(back)).isEqualTo(CODEC.encode(e.envelope()));
      });
    }
  }
}
