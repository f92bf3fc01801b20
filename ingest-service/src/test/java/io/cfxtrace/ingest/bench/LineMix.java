package io.cfxtrace.ingest.bench;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.production.UnitsDeparted;
import io.cfxtrace.model.cfx.production.WorkCompleted;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.assembly.MaterialsInstalled;
import io.cfxtrace.model.cfx.production.processing.UnitsProcessed;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.structures.*;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * a seeded, realistic SMT line mix for the ingest benchmark: panels of four boards through a
 * printer, SPI (100 pads per board), two placement machines (40 placements per board from ten
 * reels), a reflow oven (8 zones), AOI and ICT (20 measurements per board), each station sending
 * UnitsArrived, WorkStarted, its result message, WorkCompleted and UnitsDeparted.
 */
final class LineMix {

  static final String[] STATIONS = {"Line1.Printer", "Line1.SPI", "Line1.PnP1", "Line1.PnP2", "Line1.Reflow", "Line1.AOI", "Line1.ICT"};
  private static final int BOARDS = 4;

  private LineMix() {}

  /** the envelopes each station publishes, in order, for {@code panels} panels. */
  static Map<String, List<CfxEnvelope>> generate(int panels, long seed) {
    Random r = new Random(seed);
    Map<String, List<CfxEnvelope>> out = new LinkedHashMap<>();
    for (String s : STATIONS) {
      out.put(s, new ArrayList<>());
    }
    Instant t = Instant.parse("2026-03-14T08:00:00Z");
    for (int p = 0; p < panels; p++) {
      String panel = String.format("PANEL-%06d", p);
      for (int s = 0; s < STATIONS.length; s++) {
        String station = STATIONS[s];
        String tx = new UUID(r.nextLong(), r.nextLong()).toString();
        Instant at = t.plusSeconds(p * 20L + s * 60L);
        List<CfxEnvelope> list = out.get(station);
        boolean ict = station.endsWith("ICT");
        List<UnitPosition> units = new ArrayList<>();
        for (int b = 1; b <= BOARDS; b++) {
          units.add(new BasicUnitPosition(ict ? "SN-" + p + "-" + b : panel, b, "CIRCUIT" + b, 10.0 * b, 20.0, null, 0.0, false, false, null));
        }
        list.add(env(station, at, new UnitsArrived(panel, null, BOARDS, List.of(), 1)));
        list.add(env(station, at.plusMillis(500), new WorkStarted(panel, null, tx, 1, BOARDS, units, "TOP-REV3", "3", null, null)));
        list.add(env(station, at.plusSeconds(15), result(station, tx, panel, p, r, at)));
        list.add(env(station, at.plusSeconds(16), new WorkCompleted(tx, EnumValue.of(WorkResult.COMPLETED), null, null, null, null, null)));
        list.add(env(station, at.plusSeconds(17), new UnitsDeparted(panel, null, BOARDS, List.of(), 1)));
      }
    }
    return out;
  }

  private static CfxEnvelope env(String station, Instant at, CfxMessage body) {
    return CfxEnvelope.event(station, body, CfxTimestamp.ofUtc(at));
  }

  private static CfxMessage result(String station, String tx, String panel, int p, Random r, Instant at) {
    CfxTimestamp ts = CfxTimestamp.ofUtc(at.plusSeconds(10));
    if (station.endsWith("Printer")) {
      ProcessData d = new SolderPastePrintingPCBProcessData(List.of(), null, List.of(), "TOP-REV3", r.nextGaussian() * 0.01, r.nextGaussian() * 0.01, 0.0, "Forward", null, null, null);
      return new UnitsProcessed(tx, EnumValue.of(ProcessingResult.SUCCEEDED), d, List.of());
    }
    if (station.endsWith("SPI") || station.endsWith("AOI")) {
      boolean spi = station.endsWith("SPI");
      List<InspectedUnit> inspected = new ArrayList<>();
      for (int b = 1; b <= BOARDS; b++) {
        List<Measurement> ms = new ArrayList<>();
        int n = spi ? 100 : 10;
        for (int i = 0; i < n; i++) {
          if (spi) {
            ms.add(new SolderPasteMeasurement(null, "R" + i + ".1", ts, i, EnumValue.of(TestResult.PASSED), "R" + i, 10.0 * i, 0.05, 20.0, 0.05,
                120 + r.nextGaussian() * 8, 10.0, r.nextGaussian() * 0.02, r.nextGaussian() * 0.02, 95 + r.nextGaussian() * 3, 0.004, null, 0.18, 0.03, 95.0, 95.0, 0.0, 0.4));
          } else {
            ms.add(new NumericMeasurement(null, "Offset-C" + i, ts, i, EnumValue.of(TestResult.PASSED), "C" + i,
                new NumericValue(r.nextGaussian() * 0.05, "mm", 0.0, "mm", -0.2, "mm", 0.2, "mm")));
          }
        }
        List<Defect> defects = !spi && r.nextInt(50) == 0
            ? List.of(new Defect(UUID.randomUUID().toString(), "BRIDGE", "Solder", "solder bridge", null, new ComponentDesignator("U1", null, "IC-4711"), null, List.of(), 1, 0.93, List.of(), List.of(), null, null))
            : List.of();
        inspected.add(new InspectedUnit(panel, b, EnumValue.of(defects.isEmpty() ? TestResult.PASSED : TestResult.FAILED),
            List.of(new Inspection(null, spi ? "SolderPaste" : "Placement", ts, ts, null, null, EnumValue.of(TestResult.PASSED), null, null, null, defects, List.of(), ms, null)),
            null, 1));
      }
      return new UnitsInspected(tx, EnumValue.of(spi ? InspectionMethod.SPI : InspectionMethod.AOI), null, null, "TOP-REV3", "3", inspected, null);
    }
    if (station.contains("PnP")) {
      List<InstalledMaterial> installed = new ArrayList<>();
      int reelBase = station.endsWith("1") ? 0 : 10;
      for (int b = 1; b <= BOARDS; b++) {
        for (int reel = 0; reel < 10; reel++) {
          int reelNo = reelBase + reel;
          MaterialPackage pkg = new MaterialPackage("REEL-" + reelNo + "-" + (p / 50), "PN-" + reelNo, null, 5000.0, null, "LOT-" + reelNo + "-" + (p / 100), null, null);
          List<InstalledComponent> comps = new ArrayList<>();
          for (int c = 0; c < 4; c++) {
            comps.add(new SMTInstalledComponent("C" + (reelNo * 4 + c), null, ts, null, null, null, null, null, null, null, null));
          }
          installed.add(new BasicInstalledMaterial(panel, b, 4.0, 0.0, pkg, new MaterialCarrierLocation(null, "SLOT" + reelNo, null, null), comps, List.of(), null));
        }
      }
      return new MaterialsInstalled(tx, installed);
    }
    if (station.endsWith("Reflow")) {
      List<ReflowZoneData> zones = new ArrayList<>();
      for (int z = 1; z <= 8; z++) {
        ReflowZone zone = new ReflowZone(z, "Zone" + z, null, EnumValue.of(z < 4 ? ReflowZoneType.PRE_HEAT : z < 6 ? ReflowZoneType.SOAK : z < 8 ? ReflowZoneType.REFLOW : ReflowZoneType.COOL));
        double set = 150 + z * 12;
        zones.add(new ReflowZoneData(zone,
            List.of(new ReflowSetPoint(EnumValue.of(ReflowSubZoneType.TOP), EnumValue.of(ReflowSetpointType.TEMPERATURE), set),
                new ReflowSetPoint(EnumValue.of(ReflowSubZoneType.BOTTOM), EnumValue.of(ReflowSetpointType.TEMPERATURE), set)),
            List.of(new ReflowReading(EnumValue.of(ReflowSubZoneType.TOP), EnumValue.of(ReflowReadingType.TEMPERATURE), set + r.nextGaussian()),
                new ReflowReading(EnumValue.of(ReflowSubZoneType.BOTTOM), EnumValue.of(ReflowReadingType.TEMPERATURE), set + r.nextGaussian()))));
      }
      return new UnitsProcessed(tx, EnumValue.of(ProcessingResult.SUCCEEDED), new ReflowProcessData(80.0, 80.0, zones), List.of());
    }
    List<TestedUnit> tested = new ArrayList<>();
    for (int b = 1; b <= BOARDS; b++) {
      List<Measurement> ms = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ms.add(new NumericMeasurement(null, "R" + i, ts, i, EnumValue.of(TestResult.PASSED), "R" + i,
            new NumericValue(1000 + r.nextGaussian() * 5, "Ohm", 1000.0, "Ohm", 990.0, "Ohm", 1010.0, "Ohm")));
      }
      tested.add(new TestedUnit("SN-" + p + "-" + b, b, EnumValue.of(TestResult.PASSED),
          List.of(new Test(null, "ICT", ts, ts, List.of(), null, null, EnumValue.of(TestResult.PASSED), null, List.of(), List.of(), ms))));
    }
    return new UnitsTested(tx, EnumValue.of(TestMethod.ICT), null, "ICT-1", "1", null, tested);
  }
}
