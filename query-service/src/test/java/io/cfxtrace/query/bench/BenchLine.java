package io.cfxtrace.query.bench;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.materials.storage.MaterialsLoaded;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.production.UnitsDeparted;
import io.cfxtrace.model.cfx.production.WorkCompleted;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.assembly.MaterialsInstalled;
import io.cfxtrace.model.cfx.production.processing.UnitsProcessed;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.structures.BasicInstalledMaterial;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.ComponentDesignator;
import io.cfxtrace.model.cfx.structures.Defect;
import io.cfxtrace.model.cfx.structures.InspectedUnit;
import io.cfxtrace.model.cfx.structures.Inspection;
import io.cfxtrace.model.cfx.structures.InspectionMethod;
import io.cfxtrace.model.cfx.structures.InstalledComponent;
import io.cfxtrace.model.cfx.structures.InstalledMaterial;
import io.cfxtrace.model.cfx.structures.MaterialCarrierLocation;
import io.cfxtrace.model.cfx.structures.MaterialLocation;
import io.cfxtrace.model.cfx.structures.MaterialPackage;
import io.cfxtrace.model.cfx.structures.Measurement;
import io.cfxtrace.model.cfx.structures.NumericMeasurement;
import io.cfxtrace.model.cfx.structures.NumericValue;
import io.cfxtrace.model.cfx.structures.ProcessingResult;
import io.cfxtrace.model.cfx.structures.Test;
import io.cfxtrace.model.cfx.structures.TestMethod;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.WorkResult;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTapeFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTInstalledComponent;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteMeasurement;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPastePrintingPCBProcessData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowProcessData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowReading;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowReadingType;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSetPoint;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSetpointType;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSubZoneType;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZone;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneType;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * a seeded SMT line for the query benchmark, generated panel by panel so that millions of unit
 * events never sit in memory (the ingest benchmark's {@code LineMix} builds its whole mix up front
 * and changes every reel every 50 panels; this line needs one reel feeding 10,000 boards).
 *
 * <p>Seven stations (printer, SPI, two placers, reflow, AOI, ICT); panels of {@code boards}
 * boards, a panel every 20 s, each station 60 s after the one before. Each station sends, per
 * panel, UnitsArrived and UnitsDeparted (listing the boards), WorkStarted, its result message and
 * WorkCompleted: five unit events per board and station, 35 per board. The boards are named by
 * panel and position until ICT, whose messages name the serials {@code SN-<panel>-<position>}
 * (the store aliases the provisional keys to them, CFX 5.6 UnitPosition).
 *
 * <p>Each placer has five feeder slots, one designator per slot and board in MaterialsInstalled
 * (exact links). A slot's reel changes every {@code 100 + 37 * slot} panels (MaterialsLoaded just
 * before the first panel, so inferred links have setup intervals too), except that slot 0 of the
 * first placer holds {@link #BIG_REEL} (0402 resistors) for {@link #bigReelPanels()} panels in the
 * middle of the run.
 */
final class BenchLine {

  static final String[] STATIONS = {"Line1.Printer", "Line1.SPI", "Line1.PnP1", "Line1.PnP2", "Line1.Reflow", "Line1.AOI", "Line1.ICT"};
  static final String BIG_REEL = "REEL-0402-R10K-BIG";
  static final String BIG_REEL_PART = "RES-0402-10K";
  static final String BIG_REEL_LOT = "LOT-0402-2611";
  /** unit_event rows per board: five messages naming the board at each of the seven stations. */
  static final int EVENTS_PER_BOARD = 5 * STATIONS.length;
  /** messages per panel (without the MaterialsLoaded of reel changes). */
  static final int MESSAGES_PER_PANEL = 5 * STATIONS.length;
  static final int SLOTS_PER_PLACER = 5;

  private static final Instant START = Instant.parse("2026-01-05T06:00:00Z");
  private static final int PANEL_SECONDS = 20;
  private static final int STATION_OFFSET_PANELS = 3; // 60 s between stations

  private final int panels;
  private final int boards;
  private final long seed;
  private final int bigFirst;
  private final int bigPanels;

  /**
   * a line.
   *
   * @param panels how many panels go through it.
   * @param boards boards per panel.
   * @param reelBoards at least how many boards the big reel feeds (fewer when the run is shorter).
   * @param seed the seed.
   */
  BenchLine(int panels, int boards, int reelBoards, long seed) {
    this.panels = panels;
    this.boards = boards;
    this.seed = seed;
    this.bigPanels = Math.min(panels, (reelBoards + boards - 1) / boards);
    this.bigFirst = (panels - bigPanels) / 2;
  }

  int panels() {
    return panels;
  }

  int boards() {
    return boards;
  }

  int bigReelPanels() {
    return bigPanels;
  }

  int bigReelFirstPanel() {
    return bigFirst;
  }

  static String panelId(int p) {
    return String.format(java.util.Locale.ROOT, "PANEL-%07d", p);
  }

  static String serial(int p, int b) {
    return "SN-" + p + "-" + b;
  }

  /** the reel in a slot (0-9, 0-4 on the first placer) while panel p is placed. */
  String reel(int slot, int p) {
    if (slot == 0 && p >= bigFirst && p < bigFirst + bigPanels) {
      return BIG_REEL;
    }
    return "REEL-S" + slot + "-" + (p / period(slot));
  }

  private static int period(int slot) {
    return 100 + 37 * slot;
  }

  private MaterialPackage pkg(int slot, int p) {
    String id = reel(slot, p);
    if (BIG_REEL.equals(id)) {
      return new MaterialPackage(id, BIG_REEL_PART, "0402", 10_000.0, null, BIG_REEL_LOT, null, 0.0);
    }
    return new MaterialPackage(id, "PN-" + slot, "0603", 5000.0, null, "LOT-" + slot + "-" + (p / (period(slot) * 3)), null, 0.0);
  }

  /**
   * every envelope of the run in publishing order: at each 20 s tick, each station handles the
   * panel that reached it.
   */
  void generate(Consumer<CfxEnvelope> out) {
    int lastTick = panels - 1 + STATION_OFFSET_PANELS * (STATIONS.length - 1);
    for (int k = 0; k <= lastTick; k++) {
      for (int s = 0; s < STATIONS.length; s++) {
        int p = k - STATION_OFFSET_PANELS * s;
        if (p >= 0 && p < panels) {
          station(s, p, out);
        }
      }
    }
  }

  private void station(int s, int p, Consumer<CfxEnvelope> out) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + p * 31L + s);
    String station = STATIONS[s];
    String panel = panelId(p);
    String tx = new UUID(r.nextLong(), r.nextLong()).toString();
    Instant at = START.plusSeconds((long) (p + STATION_OFFSET_PANELS * s) * PANEL_SECONDS);
    boolean placer = station.contains("PnP");
    if (placer) {
      loads(s, p, at.minusSeconds(1), out);
    }
    boolean ict = station.endsWith("ICT");
    List<UnitPosition> units = new ArrayList<>();
    for (int b = 1; b <= boards; b++) {
      units.add(new BasicUnitPosition(ict ? serial(p, b) : panel, b, "CIRCUIT" + b, 10.0 * b, 20.0, null, 0.0, false, false, null));
    }
    out.accept(env(station, at, new UnitsArrived(panel, null, boards, units, 1)));
    out.accept(env(station, at.plusMillis(500), new WorkStarted(panel, null, tx, 1, boards, units, "TOP-REV3", "3", null, null)));
    out.accept(env(station, at.plusSeconds(15), result(s, tx, panel, p, r, at)));
    out.accept(env(station, at.plusSeconds(16), new WorkCompleted(tx, EnumValue.of(WorkResult.COMPLETED), null, null, null, null, null)));
    out.accept(env(station, at.plusSeconds(17), new UnitsDeparted(panel, null, boards, units, 1)));
  }

  /** MaterialsLoaded for the slots whose reel changes at this panel (all of them at the first). */
  private void loads(int s, int p, Instant at, Consumer<CfxEnvelope> out) {
    List<MaterialLocation> loaded = new ArrayList<>();
    for (int slot : slots(s)) {
      if (p == 0 || !reel(slot, p).equals(reel(slot, p - 1))) {
        String feeder = "FEEDER-" + slot;
        loaded.add(new MaterialLocation(null, "SLOT" + slot, "Slot " + slot, pkg(slot, p),
            new SMDTapeFeeder(feeder, "8MM " + feeder, null, null, null, 1, 8.0, 4.0)));
      }
    }
    if (!loaded.isEmpty()) {
      out.accept(env(STATIONS[s], at, new MaterialsLoaded(loaded)));
    }
  }

  private static int[] slots(int s) {
    int base = STATIONS[s].endsWith("1") ? 0 : SLOTS_PER_PLACER;
    int[] slots = new int[SLOTS_PER_PLACER];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = base + i;
    }
    return slots;
  }

  private static CfxEnvelope env(String station, Instant at, CfxMessage body) {
    return CfxEnvelope.event(station, body, CfxTimestamp.ofUtc(at));
  }

  private CfxMessage result(int s, String tx, String panel, int p, SplittableRandom r, Instant at) {
    String station = STATIONS[s];
    CfxTimestamp ts = CfxTimestamp.ofUtc(at.plusSeconds(10));
    if (station.endsWith("Printer")) {
      return new UnitsProcessed(tx, EnumValue.of(ProcessingResult.SUCCEEDED),
          new SolderPastePrintingPCBProcessData(List.of(), null, List.of(), "TOP-REV3", gauss(r) * 0.01, gauss(r) * 0.01, 0.0, "Forward", null, null, null),
          List.of());
    }
    if (station.endsWith("SPI") || station.endsWith("AOI")) {
      boolean spi = station.endsWith("SPI");
      List<InspectedUnit> inspected = new ArrayList<>();
      for (int b = 1; b <= boards; b++) {
        List<Measurement> ms = new ArrayList<>();
        for (int i = 0; i < (spi ? 4 : 2); i++) {
          if (spi) {
            ms.add(new SolderPasteMeasurement(null, "R" + i + ".1", ts, i, EnumValue.of(TestResult.PASSED), "R" + i, 10.0 * i, 0.05, 20.0, 0.05,
                120 + gauss(r) * 8, 10.0, gauss(r) * 0.02, gauss(r) * 0.02, 95 + gauss(r) * 3, 0.004, null, 0.18, 0.03, 95.0, 95.0, 0.0, 0.4));
          } else {
            ms.add(new NumericMeasurement(null, "Offset-C" + i, ts, i, EnumValue.of(TestResult.PASSED), "C" + i,
                new NumericValue(gauss(r) * 0.05, "mm", 0.0, "mm", -0.2, "mm", 0.2, "mm")));
          }
        }
        List<Defect> defects = !spi && r.nextInt(50) == 0
            ? List.of(new Defect(new UUID(r.nextLong(), r.nextLong()).toString(), "BRIDGE", "Solder", "solder bridge", null,
                new ComponentDesignator("U1", null, "IC-4711"), null, List.of(), 1, 0.93, List.of(), List.of(), null, null))
            : List.of();
        inspected.add(new InspectedUnit(panel, b, EnumValue.of(defects.isEmpty() ? TestResult.PASSED : TestResult.FAILED),
            List.of(new Inspection(null, spi ? "SolderPaste" : "Placement", ts, ts, null, null, EnumValue.of(TestResult.PASSED), null, null, null, defects,
                List.of(), ms, null)),
            null, 1));
      }
      return new UnitsInspected(tx, EnumValue.of(spi ? InspectionMethod.SPI : InspectionMethod.AOI), null, null, "TOP-REV3", "3", inspected, null);
    }
    if (station.contains("PnP")) {
      List<InstalledMaterial> installed = new ArrayList<>();
      for (int b = 1; b <= boards; b++) {
        for (int slot : slots(s)) {
          List<InstalledComponent> comps = List.of(new SMTInstalledComponent("R" + (slot * 10 + 1), null, ts, null, null, null, null, null, null, null, null));
          installed.add(new BasicInstalledMaterial(panel, b, 1.0, 0.0, pkg(slot, p), new MaterialCarrierLocation(null, "SLOT" + slot, null, null), comps,
              List.of(), null));
        }
      }
      return new MaterialsInstalled(tx, installed);
    }
    if (station.endsWith("Reflow")) {
      List<ReflowZoneData> zones = new ArrayList<>();
      for (int z = 1; z <= 8; z++) {
        ReflowZone zone = new ReflowZone(z, "Zone" + z, null,
            EnumValue.of(z < 4 ? ReflowZoneType.PRE_HEAT : z < 6 ? ReflowZoneType.SOAK : z < 8 ? ReflowZoneType.REFLOW : ReflowZoneType.COOL));
        double set = 150 + z * 12;
        zones.add(new ReflowZoneData(zone,
            List.of(new ReflowSetPoint(EnumValue.of(ReflowSubZoneType.TOP), EnumValue.of(ReflowSetpointType.TEMPERATURE), set),
                new ReflowSetPoint(EnumValue.of(ReflowSubZoneType.BOTTOM), EnumValue.of(ReflowSetpointType.TEMPERATURE), set)),
            List.of(new ReflowReading(EnumValue.of(ReflowSubZoneType.TOP), EnumValue.of(ReflowReadingType.TEMPERATURE), set + gauss(r)),
                new ReflowReading(EnumValue.of(ReflowSubZoneType.BOTTOM), EnumValue.of(ReflowReadingType.TEMPERATURE), set + gauss(r)))));
      }
      return new UnitsProcessed(tx, EnumValue.of(ProcessingResult.SUCCEEDED), new ReflowProcessData(80.0, 80.0, zones), List.of());
    }
    List<TestedUnit> tested = new ArrayList<>();
    for (int b = 1; b <= boards; b++) {
      List<Measurement> ms = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ms.add(new NumericMeasurement(null, "R" + i, ts, i, EnumValue.of(TestResult.PASSED), "R" + i,
            new NumericValue(1000 + gauss(r) * 5, "Ohm", 1000.0, "Ohm", 990.0, "Ohm", 1010.0, "Ohm")));
      }
      tested.add(new TestedUnit(serial(p, b), b, EnumValue.of(TestResult.PASSED),
          List.of(new Test(null, "ICT", ts, ts, List.of(), null, null, EnumValue.of(TestResult.PASSED), null, List.of(), List.of(), ms))));
    }
    return new UnitsTested(tx, EnumValue.of(TestMethod.ICT), null, "ICT-1", "1", null, tested);
  }

  /** a standard normal deviate (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
  private static double gauss(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
