package io.cfxtrace.simulators.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * ground truth: a material package that went into a board, as the simulator decided it (not as
 * any message says it). Written by {@code --truth FILE} as one JSON object per line.
 *
 * @param serial the board's serial.
 * @param panel the panel the board was built in (its own id, also when the stations named it by
 *     its carrier's).
 * @param position the board's position in the panel (and on the carrier).
 * @param station the handle of the station that put the material in.
 * @param referenceDesignator where on the board; null for solder paste, which covers the board.
 * @param partNumber the part number.
 * @param materialPackage the reel's or cartridge's unique identifier.
 * @param lot the package's lot (MaterialPackage.BatchId).
 * @param exact true when the station reports the link itself (MaterialsInstalled per designator);
 *     false when only the station's material set-up during the board's work tells it (solder paste
 *     at the printer), so a traceability store can only infer it.
 * @param carrier the reusable carrier the panel travelled on, whose id the stations named instead
 *     of the panel's; null when the panel carried its own id. The carrier carries other panels on
 *     other trips: {@code <carrier>#<position>} names this board only during this panel's trip.
 */
public record TruthLink(
    String serial,
    String panel,
    int position,
    String station,
    @Nullable String referenceDesignator,
    String partNumber,
    String materialPackage,
    String lot,
    boolean exact,
    @Nullable String carrier) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** checks the required parts. */
  public TruthLink {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(station, "station");
    Objects.requireNonNull(partNumber, "partNumber");
    Objects.requireNonNull(materialPackage, "materialPackage");
    Objects.requireNonNull(lot, "lot");
  }

  /**
   * this link as one line of JSON (no line break).
   *
   * @return e.g. {@code {"serial":"SN-L1-000001","panel":...,"exact":true}}; {@code "carrier"} only
   *     when the panel travelled on one, so that truth files without carriers stay as they were.
   */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("serial", serial).put("panel", panel).put("position", position).put("station", station).put("refdes", referenceDesignator)
        .put("partNumber", partNumber).put("materialPackage", materialPackage).put("lot", lot).put("exact", exact);
    if (carrier != null) {
      o.put("carrier", carrier);
    }
    return o.toString();
  }

  /**
   * reads a line written by {@link #toJson()}.
   *
   * @param line the JSON line.
   * @return the link.
   * @throws IllegalArgumentException naming what is missing or malformed.
   */
  public static TruthLink parse(String line) {
    JsonNode o;
    try {
      o = JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a JSON truth line: " + line, e);
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("not a JSON object: " + line);
    }
    return new TruthLink(text(o, "serial"), text(o, "panel"), o.path("position").asInt(), text(o, "station"),
        o.hasNonNull("refdes") ? o.get("refdes").asText() : null, text(o, "partNumber"), text(o, "materialPackage"), text(o, "lot"),
        o.path("exact").asBoolean(), o.hasNonNull("carrier") ? o.get("carrier").asText() : null);
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("truth line lacks \"" + field + "\": " + o);
    }
    return v.asText();
  }
}
