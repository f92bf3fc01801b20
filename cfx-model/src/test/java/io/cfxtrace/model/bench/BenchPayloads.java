package io.cfxtrace.model.bench;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.InspectedUnit;
import io.cfxtrace.model.cfx.structures.Inspection;
import io.cfxtrace.model.cfx.structures.InspectionMethod;
import io.cfxtrace.model.cfx.structures.Measurement;
import io.cfxtrace.model.cfx.structures.Surface;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteMeasurement;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * realistic benchmark messages, built through the model (seeded, so every run encodes the same
 * bytes): an SPI UnitsInspected with one inspection per pad, and a small WorkStarted. Also used
 * by cfx-endpoint's benchmark through this module's test jar.
 */
public final class BenchPayloads {

  private BenchPayloads() {}

  private static final CfxTimestamp T0 = CfxTimestamp.parse("2026-03-14T09:26:53.5897932+01:00");

  /** an SPI result for a 4-board panel with {@code pads} solder-paste measurements in all. */
  public static CfxEnvelope spiUnitsInspected(int pads) {
    Random r = new Random(42);
    List<InspectedUnit> units = new ArrayList<>();
    int boards = 4;
    for (int b = 1; b <= boards; b++) {
      List<Measurement> measurements = new ArrayList<>();
      for (int i = 0; i < pads / boards; i++) {
        boolean fail = r.nextInt(200) == 0;
        measurements.add(
            new SolderPasteMeasurement(
                new UUID(r.nextLong(), r.nextLong()).toString(),
                "R" + (i / 2 + 1) + "." + (i % 2 + 1),
                T0,
                i,
                EnumValue.of(fail ? TestResult.FAILED : TestResult.PASSED),
                "R" + (i / 2 + 1),
                round(r.nextDouble() * 200),
                0.05,
                round(r.nextDouble() * 150),
                0.05,
                round(120 + r.nextGaussian() * 8),
                10.0,
                round(r.nextGaussian() * 0.02),
                round(r.nextGaussian() * 0.02),
                round(0.021 + r.nextGaussian() * 0.002),
                0.004,
                null,
                round(0.18 + r.nextGaussian() * 0.01),
                0.03,
                round(95 + r.nextGaussian() * 3),
                round(95 + r.nextGaussian() * 3),
                round(r.nextGaussian() * 0.01),
                round(0.4 + r.nextGaussian() * 0.02)));
      }
      Inspection inspection =
          new Inspection(
              UUID.nameUUIDFromBytes(("insp" + b).getBytes(StandardCharsets.UTF_8)).toString(),
              "SolderPaste",
              T0,
              T0,
              "SPI-3D",
              null,
              EnumValue.of(TestResult.PASSED),
              null,
              null,
              null,
              List.of(),
              List.of(),
              measurements,
              null);
      units.add(new InspectedUnit("PANEL-000123", b, EnumValue.of(TestResult.PASSED), List.of(inspection), null, 1));
    }
    UnitsInspected body =
        new UnitsInspected("2c24590d-39c5-4039-96a5-91900cecedfa", EnumValue.of(InspectionMethod.SPI), null, null, "TOP-REV3", "3", units, null);
    return new CfxEnvelope("2.1", T0, "6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11", "KohYoung.Zenith.SN8841", null, null, body, Map.of());
  }

  /** a WorkStarted for a 2-board panel, the most frequent small message of a line. */
  static CfxEnvelope smallWorkStarted() {
    List<UnitPosition> units =
        List.of(
            new BasicUnitPosition("PANEL-000123", 1, "CIRCUIT1", 50.45, 80.66, null, 0.0, false, false, null),
            new BasicUnitPosition("PANEL-000123", 2, "CIRCUIT2", 70.45, 80.66, null, 90.0, false, false, null));
    WorkStarted body =
        new WorkStarted("PANEL-000123", null, "2c24590d-39c5-4039-96a5-91900cecedfa", 1, 2, units, "Recipe1", "2.0", EnumValue.of(Surface.PRIMARY_SURFACE), null);
    return new CfxEnvelope("2.1", T0, "7a1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c12", "Fuji.NXT3.SN2231", null, null, body, Map.of());
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
