package io.cfxtrace.ingest.normalize;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.materials.storage.MaterialsLoaded;
import io.cfxtrace.model.cfx.materials.storage.SplicePointDetected;
import io.cfxtrace.model.cfx.production.UnitsDisqualified;
import io.cfxtrace.model.cfx.production.UnitsInitialized;
import io.cfxtrace.model.cfx.production.WorkCompleted;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.assembly.MaterialsInstalled;
import io.cfxtrace.model.cfx.production.assembly.UnitsPersonalized;
import io.cfxtrace.model.cfx.production.processing.UnitsProcessed;
import io.cfxtrace.model.cfx.production.reworkandrepair.UnitsRepaired;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.structures.ActorType;
import io.cfxtrace.model.cfx.structures.BasicInstalledMaterial;
import io.cfxtrace.model.cfx.structures.BasicStage;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.Characteristic;
import io.cfxtrace.model.cfx.structures.ComponentDesignator;
import io.cfxtrace.model.cfx.structures.Defect;
import io.cfxtrace.model.cfx.structures.DisqualificationReason;
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
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.PersonalizedUnit;
import io.cfxtrace.model.cfx.structures.ProcessingResult;
import io.cfxtrace.model.cfx.structures.Repair;
import io.cfxtrace.model.cfx.structures.RepairResult;
import io.cfxtrace.model.cfx.structures.RepairedUnit;
import io.cfxtrace.model.cfx.structures.StageType;
import io.cfxtrace.model.cfx.structures.Surface;
import io.cfxtrace.model.cfx.structures.Test;
import io.cfxtrace.model.cfx.structures.TestMethod;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.WorkOrderIdentifier;
import io.cfxtrace.model.cfx.structures.WorkResult;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTapeFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTHeadAndNozzle;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTInstalledComponent;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteMeasurement;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.Separation;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPastePrintingPCBProcessData;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.Stroke;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowProcessData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowReading;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowReadingType;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSetPoint;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSetpointType;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSubZoneType;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZone;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneType;
import io.cfxtrace.model.value.CfxDuration;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * one panel's way down a simulated SMT line, as its stations would publish it (CFX 2.1 records,
 * coherent ids and times): panel PANEL-1001 with four boards, printed, paste-inspected, placed
 * (with a splice on the R1 feeder between boards 2 and 3), reflowed, optically inspected (a
 * tombstone on board 2), laser-marked with serials SN-1001-1..4, in-circuit tested on the panel,
 * board 2 repaired, then each board flashed and functionally tested alone; board 4 fails and is
 * scrapped.
 *
 * <p>Until the laser marker, stations work in panel mode (UnitIdentifier = the panel id for every
 * position); from ICT on in serial mode with PrimaryIdentifier = the panel; after depaneling each
 * board is its own transaction.
 */
final class SmtLine {

  static final String PANEL = "PANEL-1001";
  static final int BOARDS = 4;

  static final String PRINTER = "Line1.Printer.PRN01";
  static final String SPI = "Line1.SPI.SPI01";
  static final String PLACER = "Line1.Placer.PNP01";
  static final String OVEN = "Line1.Oven.RFL01";
  static final String AOI = "Line1.AOI.AOI01";
  static final String LASER = "Line1.Laser.LSR01";
  static final String ICT = "Line1.ICT.ICT01";
  static final String REPAIR = "Line1.Repair.RPR01";
  static final String FCT = "Line1.FCT.FCT01";

  static final String TX_PRINTER = "0b3a6a52-1d55-4c41-9a0e-000000000001";
  static final String TX_SPI = "0b3a6a52-1d55-4c41-9a0e-000000000002";
  static final String TX_PLACER = "0b3a6a52-1d55-4c41-9a0e-000000000003";
  static final String TX_OVEN = "0b3a6a52-1d55-4c41-9a0e-000000000004";
  static final String TX_AOI = "0b3a6a52-1d55-4c41-9a0e-000000000005";
  static final String TX_LASER = "0b3a6a52-1d55-4c41-9a0e-000000000006";
  static final String TX_ICT = "0b3a6a52-1d55-4c41-9a0e-000000000007";
  static final String TX_REPAIR = "0b3a6a52-1d55-4c41-9a0e-000000000008";

  static final String REEL_R1_A = "REEL-R1-A";
  static final String REEL_R1_B = "REEL-R1-B";
  static final String REEL_U1 = "REEL-U1-A";
  static final String LOT_R1_A = "LOT-R-100";
  static final String LOT_R1_B = "LOT-R-101";
  static final String LOT_U1 = "LOT-U-200";
  static final String PART_R1 = "RES-10K-0402";
  static final String PART_U1 = "IC-MCU-QFN32";
  static final String FEEDER_SLOT_R1 = "FDR-10";
  static final String FEEDER_SLOT_U1 = "FDR-20";

  static final String AOI_DEFECT = "5f1d7a9e-2c3b-4e8f-9a61-00000000a0a2";
  static final String FIRMWARE = "2.4.1";

  /** the stations' local offset: the SDK stamps envelopes with the local wall clock. */
  static final ZoneOffset LOCAL = ZoneOffset.ofHours(2);
  static final OffsetDateTime SHIFT_START = OffsetDateTime.of(2026, 5, 4, 8, 0, 0, 0, LOCAL);

  private SmtLine() {}

  static String serial(int board) {
    return "SN-1001-" + board;
  }

  static String fctTransaction(int board) {
    return "0b3a6a52-1d55-4c41-9a0e-00000000f0c" + board;
  }

  static String mac(int board) {
    return "00-1B-44-11-3A-B" + board;
  }

  static String firmwareHash(int board) {
    return "sha256:7d1a54127b222502f5b79b5fb0803061152a44f92b37e23c6527baf665d4da9" + board;
  }

  /** ICT resistance of R1 on a board, in ohms. */
  static double resistance(int board) {
    return 10_000 + 10 * board;
  }

  /** the splice on the R1 feeder, between board 2's and board 3's placements. */
  static OffsetDateTime spliceTime() {
    return at(2, 55);
  }

  static OffsetDateTime at(int minutes, int seconds) {
    return SHIFT_START.plusMinutes(minutes).plusSeconds(seconds);
  }

  /** every envelope of the line, in the order the stations publish them. */
  static List<CfxEnvelope> envelopes() {
    List<CfxEnvelope> line = new ArrayList<>();
    // the placer's feeders are set up before the shift
    line.add(envelope(PLACER, -30, 0, new MaterialsLoaded(List.of(
        location(FEEDER_SLOT_R1, "SLOT10", reel(REEL_R1_A, PART_R1, LOT_R1_A, 5000.0), "FEEDER-7710"),
        location(FEEDER_SLOT_U1, "SLOT20", reel(REEL_U1, PART_U1, LOT_U1, 490.0), "FEEDER-7720")))));

    // printer
    line.add(envelope(PRINTER, 0, 0, workStartedOnPanel(TX_PRINTER, "BOARD-A-TOP")));
    line.add(envelope(PRINTER, 0, 40, new UnitsProcessed(TX_PRINTER, EnumValue.of(ProcessingResult.SUCCEEDED),
        new SolderPastePrintingPCBProcessData(List.of(new Stroke(6.5, 40.0)), new Separation(null, 1.0, 2.0, 0.5), null, "BOARD-A-TOP",
            0.012, -0.008, 0.01, "FrontToRear", CfxDuration.of(Duration.ofSeconds(38)), 0.0, 0.0),
        List.of())));
    line.add(envelope(PRINTER, 0, 45, completed(TX_PRINTER, WorkResult.COMPLETED)));

    // solder paste inspection: per-unit results name the panel and the position
    line.add(envelope(SPI, 1, 30, workStartedOnPanel(TX_SPI, "BOARD-A-SPI")));
    line.add(envelope(SPI, 1, 50, new UnitsInspected(TX_SPI, EnumValue.of(InspectionMethod.SPI), null, null, "BOARD-A-SPI", "1",
        IntStream.rangeClosed(1, BOARDS).mapToObj(n -> new InspectedUnit(PANEL, n, EnumValue.of(TestResult.PASSED),
            List.of(inspection("spi-" + n, "PASTE_DEPOSITS", TestResult.PASSED, List.of(), List.of(
                paste("spi-" + n + "-r1.1", "R1.1", 0.0121 + n * 0.0001), paste("spi-" + n + "-r1.2", "R1.2", 0.0119)))),
            null, 1)).toList(),
        null)));
    line.add(envelope(SPI, 1, 55, completed(TX_SPI, WorkResult.COMPLETED)));

    // placement: boards 1 and 2 from reel A, the splice, boards 3 and 4 from reel B
    line.add(envelope(PLACER, 2, 30, workStartedOnPanel(TX_PLACER, "BOARD-A-PNP")));
    line.add(envelope(PLACER, 2, 50, new MaterialsInstalled(TX_PLACER, List.of(
        installed(1, REEL_R1_A, PART_R1, LOT_R1_A, FEEDER_SLOT_R1, "FEEDER-7710", "R1", at(2, 41)),
        installed(1, REEL_U1, PART_U1, LOT_U1, FEEDER_SLOT_U1, "FEEDER-7720", "U1", at(2, 42)),
        installed(2, REEL_R1_A, PART_R1, LOT_R1_A, FEEDER_SLOT_R1, "FEEDER-7710", "R1", at(2, 45)),
        installed(2, REEL_U1, PART_U1, LOT_U1, FEEDER_SLOT_U1, "FEEDER-7720", "U1", at(2, 46))))));
    line.add(envelope(PLACER, 2, 55, new SplicePointDetected(
        location(FEEDER_SLOT_R1, "SLOT10", reel(REEL_R1_A, PART_R1, LOT_R1_A, 0.0), "FEEDER-7710"),
        location(FEEDER_SLOT_R1, "SLOT10", reel(REEL_R1_B, PART_R1, LOT_R1_B, 5000.0), "FEEDER-7710"))));
    line.add(envelope(PLACER, 3, 10, new MaterialsInstalled(TX_PLACER, List.of(
        installed(3, REEL_R1_B, PART_R1, LOT_R1_B, FEEDER_SLOT_R1, "FEEDER-7710", "R1", at(2, 58)),
        installed(3, REEL_U1, PART_U1, LOT_U1, FEEDER_SLOT_U1, "FEEDER-7720", "U1", at(2, 59)),
        installed(4, REEL_R1_B, PART_R1, LOT_R1_B, FEEDER_SLOT_R1, "FEEDER-7710", "R1", at(3, 2)),
        installed(4, REEL_U1, PART_U1, LOT_U1, FEEDER_SLOT_U1, "FEEDER-7720", "U1", at(3, 3))))));
    line.add(envelope(PLACER, 3, 15, completed(TX_PLACER, WorkResult.COMPLETED)));

    // reflow oven: one set of zone data for the whole panel
    line.add(envelope(OVEN, 4, 0, workStartedOnPanel(TX_OVEN, "LEADFREE-SAC305")));
    line.add(envelope(OVEN, 9, 0, new UnitsProcessed(TX_OVEN, EnumValue.of(ProcessingResult.SUCCEEDED),
        new ReflowProcessData(75.0, 75.0, List.of(
            zone(1, "Preheat", ReflowZoneType.PRE_HEAT, 150.0, 149.2),
            zone(2, "Soak", ReflowZoneType.SOAK, 180.0, 181.1),
            zone(3, "Reflow", ReflowZoneType.REFLOW, 245.0, 244.6))),
        List.of())));
    line.add(envelope(OVEN, 9, 5, completed(TX_OVEN, WorkResult.COMPLETED)));

    // optical inspection: a tombstone on board 2's R1
    line.add(envelope(AOI, 10, 0, workStartedOnPanel(TX_AOI, "BOARD-A-AOI")));
    line.add(envelope(AOI, 10, 30, new UnitsInspected(TX_AOI, EnumValue.of(InspectionMethod.AOI), null, null, "BOARD-A-AOI", "1",
        IntStream.rangeClosed(1, BOARDS).mapToObj(n -> {
          boolean bad = n == 2;
          List<Defect> defects = bad
              ? List.of(new Defect(AOI_DEFECT, "TOMBSTONE", "Solder", "R1 lifted on one side", null,
                  new ComponentDesignator("R1", null, PART_R1), null, null, 1, 0.97, null, null, null, null))
              : List.of();
          return new InspectedUnit(PANEL, n, EnumValue.of(bad ? TestResult.FAILED : TestResult.PASSED),
              List.of(inspection("aoi-" + n, "COMPONENTS", bad ? TestResult.FAILED : TestResult.PASSED, defects, List.of())), null, 1);
        }).toList(),
        null)));
    line.add(envelope(AOI, 10, 35, completed(TX_AOI, WorkResult.COMPLETED)));

    // laser marker: serials are born, one per position
    line.add(envelope(LASER, 11, 0, workStartedOnPanel(TX_LASER, "MARK-SN")));
    line.add(envelope(LASER, 11, 20, new UnitsInitialized(TX_LASER, PANEL, null, new WorkOrderIdentifier("WO-5001", "WO-5001-B1"), BOARDS,
        boards(n -> serial(n)))));
    line.add(envelope(LASER, 11, 25, completed(TX_LASER, WorkResult.COMPLETED)));

    // in-circuit test on the panel, serial mode
    line.add(envelope(ICT, 13, 0, new WorkStarted(PANEL, null, TX_ICT, 1, BOARDS, boards(n -> serial(n)), "BOARD-A-ICT", "7",
        EnumValue.of(Surface.UNSPECIFIED), null)));
    line.add(envelope(ICT, 13, 40, new UnitsTested(TX_ICT, EnumValue.of(TestMethod.ICT), null, "BOARD-A-ICT", "7", null,
        IntStream.rangeClosed(1, BOARDS).mapToObj(n -> new TestedUnit(serial(n), n, EnumValue.of(TestResult.PASSED), List.of(
            test("ict-" + n, "R1_RESISTANCE", TestResult.PASSED, numeric("ict-" + n + "-r1", "R1_VALUE", "R1", resistance(n), "Ohm", 10_000.0,
                9_900.0, 10_100.0, TestResult.PASSED))))).toList())));
    line.add(envelope(ICT, 13, 45, completed(TX_ICT, WorkResult.COMPLETED)));

    // repair of board 2's tombstone, after depaneling: one board per transaction
    line.add(envelope(REPAIR, 15, 0, workStartedOnBoard(TX_REPAIR, 2, "REWORK")));
    line.add(envelope(REPAIR, 18, 0, new UnitsRepaired(TX_REPAIR,
        new Operator("BADGE-0042", EnumValue.of(ActorType.HUMAN), "Novak", "Jana", "jana.novak"),
        List.of(new RepairedUnit(serial(2), 1, EnumValue.of(RepairResult.REPAIR_SUCCESSFUL), List.of(new Repair("rep-2-1", "Resolder R1",
            CfxTimestamp.of(at(15, 30)), CfxTimestamp.of(at(17, 30)), "tombstone reflowed by hand", new ComponentDesignator("R1", null, PART_R1),
            null, List.of(AOI_DEFECT), List.of(), List.of(), List.of(), EnumValue.of(RepairResult.REPAIR_SUCCESSFUL), null)))))));
    line.add(envelope(REPAIR, 18, 5, completed(TX_REPAIR, WorkResult.COMPLETED)));

    // flashing and functional test, board by board; board 4 draws too much current
    for (int n = 1; n <= BOARDS; n++) {
      int minute = 20 + 2 * n;
      boolean bad = n == 4;
      String tx = fctTransaction(n);
      line.add(envelope(FCT, minute, 0, workStartedOnBoard(tx, n, "BOARD-A-FCT")));
      line.add(envelope(FCT, minute, 30, new UnitsPersonalized(tx, List.of(new PersonalizedUnit(serial(n), 1, List.of(
          new Characteristic("FirmwareVersion", FIRMWARE), new Characteristic("FirmwareHash", firmwareHash(n)),
          new Characteristic("MACAddress", mac(n))))))));
      TestResult result = bad ? TestResult.FAILED : TestResult.PASSED;
      line.add(envelope(FCT, minute, 50, new UnitsTested(tx, EnumValue.of(TestMethod.FCT), null, "BOARD-A-FCT", "2", null, List.of(
          new TestedUnit(serial(n), 1, EnumValue.of(result), List.of(
              test("fct-" + n, "SUPPLY_CURRENT", result, numeric("fct-" + n + "-i", "I_3V3", null, bad ? 0.31 : 0.12, "A", 0.12, 0.10, 0.15,
                  result))))))));
      line.add(envelope(FCT, minute, 55, completed(tx, bad ? WorkResult.FAILED : WorkResult.COMPLETED)));
    }

    // board 4 is scrapped
    line.add(envelope(FCT, 40, 0, new UnitsDisqualified(serial(4), null, EnumValue.of(DisqualificationReason.DEFECTIVE_REPAIR_NOT_FEASIBLE),
        "supply current 0.31 A at FCT", 1, List.of(position(serial(4), 1)))));
    return line;
  }

  // ---- building blocks

  static CfxEnvelope envelope(String station, int minutes, int seconds, CfxMessage body) {
    return CfxEnvelope.event(station, body, CfxTimestamp.of(at(minutes, seconds)));
  }

  static UnitPosition position(String id, int n) {
    return new BasicUnitPosition(id, n, "CIRCUIT" + n, 20.0 + 60 * (n - 1), 15.0, null, 0.0, false, false, null);
  }

  static List<UnitPosition> boards(java.util.function.IntFunction<String> id) {
    return IntStream.rangeClosed(1, BOARDS).mapToObj(n -> position(id.apply(n), n)).toList();
  }

  /** a transaction on the whole panel, its boards known only by position. */
  static WorkStarted workStartedOnPanel(String tx, String recipe) {
    return new WorkStarted(PANEL, null, tx, 1, BOARDS, boards(n -> PANEL), recipe, "1", EnumValue.of(Surface.PRIMARY_SURFACE),
        new WorkOrderIdentifier("WO-5001", "WO-5001-B1"));
  }

  /** a transaction on one depaneled board. */
  static WorkStarted workStartedOnBoard(String tx, int board, String recipe) {
    return new WorkStarted(serial(board), null, tx, 1, 1, List.of(position(serial(board), 1)), recipe, "1", EnumValue.of(Surface.UNSPECIFIED), null);
  }

  static WorkCompleted completed(String tx, WorkResult result) {
    return new WorkCompleted(tx, EnumValue.of(result), null, null, null, null, null);
  }

  static MaterialPackage reel(String id, String part, String lot, double quantity) {
    return new MaterialPackage(id, part, "0402", quantity, null, lot, null, 0.0);
  }

  static SMDTapeFeeder feeder(String id) {
    return new SMDTapeFeeder(id, "8MM " + id, null, null, null, 1, 8.0, 4.0);
  }

  static MaterialLocation location(String slot, String slotName, MaterialPackage reel, String feeder) {
    return new MaterialLocation(null, slot, slotName, reel, feeder(feeder));
  }

  static InstalledMaterial installed(int position, String reel, String part, String lot, String slot, String feeder, String designator,
      OffsetDateTime when) {
    InstalledComponent c = new SMTInstalledComponent(designator, null, CfxTimestamp.of(when), new BasicStage(1, "STAGE1", EnumValue.of(StageType.WORK)),
        null, null, new SMTHeadAndNozzle(null, null, "HEAD1", position, "N0402"), CfxTimestamp.of(when.minusNanos(300_000_000)), position, position,
        position);
    return new BasicInstalledMaterial(PANEL, position, 1.0, 0.0, reel(reel, part, lot, 0.0), new MaterialCarrierLocation(null, slot, null,
        feeder(feeder)), List.of(c), List.of(), null);
  }

  static ReflowZoneData zone(int sequence, String name, ReflowZoneType type, double setpoint, double reading) {
    return new ReflowZoneData(new ReflowZone(sequence, name, EnumValue.of(StageType.WORK), EnumValue.of(type)),
        List.of(new ReflowSetPoint(EnumValue.of(ReflowSubZoneType.TOP), EnumValue.of(ReflowSetpointType.TEMPERATURE), setpoint),
            new ReflowSetPoint(EnumValue.of(ReflowSubZoneType.BOTTOM), EnumValue.of(ReflowSetpointType.TEMPERATURE), setpoint - 5)),
        List.of(new ReflowReading(EnumValue.of(ReflowSubZoneType.TOP), EnumValue.of(ReflowReadingType.TEMPERATURE), reading),
            new ReflowReading(EnumValue.of(ReflowSubZoneType.BOTTOM), EnumValue.of(ReflowReadingType.TEMPERATURE), reading - 5)));
  }

  static Inspection inspection(String id, String name, TestResult result, List<Defect> defects, List<Measurement> measurements) {
    return new Inspection(id, name, null, null, null, null, EnumValue.of(result), null, null, null, defects, null, measurements, null);
  }

  static SolderPasteMeasurement paste(String id, String pad, double volume) {
    return new SolderPasteMeasurement(id, pad, null, 0, EnumValue.of(TestResult.PASSED), pad, 1.0, 1.0, 2.0, 2.0, 0.12, 0.12, 0.01, -0.01, volume,
        0.012, null, 0.1, 0.1, null, null, null, null);
  }

  static Test test(String id, String name, TestResult result, Measurement measurement) {
    return new Test(id, name, null, null, null, null, null, EnumValue.of(result), null, null, null, List.of(measurement));
  }

  static NumericMeasurement numeric(String id, String name, String designator, double value, String unit, double expected, double min, double max,
      TestResult result) {
    return new NumericMeasurement(id, name, null, 0, EnumValue.of(result), designator,
        new NumericValue(value, unit, expected, unit, min, unit, max, unit));
  }
}
