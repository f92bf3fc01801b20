package io.cfxtrace.ingest.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * a large solder-paste inspection result as an SPI writes it (the shape of the SDK's
 * SolderPasteMeasurement example), for the large-message tests and benchmark of issue #13: a panel
 * of boards, each with one inspection holding its paste deposits, and defects spread over them.
 * With 16,000 deposits per board and 4 boards the JSON is about 30 MB (5 MB gzip).
 *
 * @param json the envelope's JSON text.
 * @param measurements the deposits written (ground truth for the measurement rows).
 * @param defects the defects written.
 */
public record LargeInspection(byte[] json, int measurements, int defects) {

  /**
   * generates one.
   *
   * @param uniqueId the envelope's UniqueID.
   * @param panel the panel's id; boards are {@code <panel>-<n>}.
   * @param boards boards on the panel.
   * @param depositsPerBoard measurements per board.
   * @param defects defects over the whole panel.
   * @param seed the random seed of the measured values.
   * @return the message.
   */
  public static LargeInspection generate(UUID uniqueId, String panel, int boards, int depositsPerBoard, int defects, long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(boards * depositsPerBoard * 460 + 4096);
    b.append("{\"MessageName\":\"CFX.Production.TestAndInspection.UnitsInspected\",\"Version\":\"2.1\",")
        .append("\"TimeStamp\":\"2026-12-08T01:02:03.1234567+00:00\",\"UniqueID\":\"").append(uniqueId)
        .append("\",\"Source\":\"Line1.SPI.SPI01\",\"Target\":null,\"RequestID\":null,\"MessageBody\":{")
        .append("\"$type\":\"CFX.Production.TestAndInspection.UnitsInspected, CFX\",\"TransactionId\":\"").append(UUID.nameUUIDFromBytes(uniqueId.toString().getBytes(StandardCharsets.UTF_8)))
        .append("\",\"InspectionMethod\":\"SPI\",\"SamplingInformation\":{\"SamplingMethod\":\"NoSampling\",\"LotSize\":null,\"SampleSize\":null},")
        .append("\"Inspector\":null,\"RecipeName\":\"BIG-SPI\",\"RecipeRevision\":\"1\",\"InspectedUnits\":[");
    int written = 0;
    int defectsWritten = 0;
    for (int board = 1; board <= boards; board++) {
      if (board > 1) {
        b.append(',');
      }
      int boardDefects = defects / boards + (board <= defects % boards ? 1 : 0);
      b.append("{\"UnitIdentifier\":\"").append(panel).append('-').append(board).append("\",\"UnitPositionNumber\":").append(board)
          .append(",\"OverallResult\":\"").append(boardDefects > 0 ? "Failed" : "Passed").append("\",\"Inspections\":[{\"UniqueIdentifier\":\"")
          .append(new UUID(r.nextLong(), r.nextLong())).append("\",\"InspectionName\":\"INSPECT_PASTE_DEPOSITIONS\",\"InspectionStartTime\":null,")
          .append("\"InspectionEndTime\":null,\"TestProcedure\":null,\"Comments\":null,\"Result\":\"").append(boardDefects > 0 ? "Failed" : "Passed")
          .append("\",\"Verification\":\"NotVerifiedYet\",\"VerificationDetail\":null,\"Error\":null,\"DefectsFound\":[");
      for (int d = 0; d < boardDefects; d++) {
        if (d > 0) {
          b.append(',');
        }
        b.append("{\"UniqueIdentifier\":\"").append(new UUID(r.nextLong(), r.nextLong())).append("\",\"DefectCode\":\"INSUFFICIENT_PASTE\",")
            .append("\"DefectCategory\":\"Paste\",\"Description\":\"volume below 50% of the aperture\",\"Comments\":null,")
            .append("\"ComponentOfInterest\":{\"ReferenceDesignator\":\"R").append(d + 1).append("\",\"PartNumber\":null},\"RegionOfInterest\":null,")
            .append("\"DefectImages\":[],\"Priority\":1,\"ConfidenceLevel\":").append(String.format(Locale.ROOT, "%.2f", 0.5 + r.nextDouble() / 2))
            .append(",\"RelatedMeasurements\":[],\"RelatedSymptoms\":[],\"Verification\":\"NotVerifiedYet\",\"VerificationDetail\":null}");
        defectsWritten++;
      }
      b.append("],\"Symptoms\":[],\"Measurements\":[");
      for (int m = 0; m < depositsPerBoard; m++) {
        if (m > 0) {
          b.append(',');
        }
        double x = 5 + r.nextDouble() * 200;
        double y = 5 + r.nextDouble() * 150;
        b.append("{\"$type\":\"CFX.Structures.SolderPasteInspection.SolderPasteMeasurement, CFX\",")
            .append(String.format(Locale.ROOT, "\"X\":%.3f,\"EX\":%.2f,\"Y\":%.3f,\"EY\":%.2f,\"Z\":%.3f,\"EZ\":0.12,\"DX\":%.3f,\"DY\":%.3f,\"Vol\":%.4f,\"EVol\":0.0125,",
                x, Math.round(x * 10) / 10.0, y, Math.round(y * 10) / 10.0, 0.1 + r.nextDouble() * 0.04, r.nextGaussian() * 0.02, r.nextGaussian() * 0.02, 0.011 + r.nextDouble() * 0.003))
            .append("\"Image\":null,\"UniqueIdentifier\":\"").append(new UUID(r.nextLong(), r.nextLong()))
            .append("\",\"MeasurementName\":\"C").append(m / 2 + 1).append('.').append(m % 2 + 1)
            .append("\",\"TimeRecorded\":null,\"Sequence\":").append(m).append(",\"Result\":\"Passed\",\"CRDs\":\"C").append(m / 2 + 1).append("\"}");
        written++;
      }
      b.append("],\"RefNo\":null}],\"Verification\":\"NotVerifiedYet\",\"TotalInspectionCount\":1}");
    }
    b.append("],\"InspectedPanel\":null}}");
    return new LargeInspection(b.toString().getBytes(StandardCharsets.UTF_8), written, defectsWritten);
  }
}
