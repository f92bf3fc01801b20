package io.cfxtrace.simulators.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * ground truth of the interlocks (issue #15), written to the truth file beside the {@link
 * TruthLink}s as lines with an {@code "interlock"} member: what a station asked and how it acted on
 * the answer, and what the simulator did that an interlock should catch.
 *
 * @param kind {@code units} (a ValidateUnitsRequest, one line per unit), {@code setup} (a
 *     ValidateStationSetupRequest for one reel), or {@code rework-skipped} (a board the AOI failed
 *     went on without rework: the simulator's own record, which an ICT interlock should refuse).
 * @param station the asking station's handle (for {@code rework-skipped}, the AOI's).
 * @param at the simulated time.
 * @param subject the unit's serial, or the reel's id for {@code setup}.
 * @param lot the reel's lot ({@code setup}), else null.
 * @param accepted whether the answer let it through (true for {@code rework-skipped}: nothing asked).
 * @param code the answer's FailureCode or ResultCode (0 when accepted), -1 when no answer came.
 * @param message the answer's message, or what the simulator did.
 * @param action what the station did: {@code work}, {@code load}, {@code to rework}, {@code out of
 *     the line}, {@code set aside}, {@code wait and ask again}, {@code none}.
 */
public record InterlockTruth(
    String kind, String station, Instant at, String subject, @Nullable String lot, boolean accepted, int code, String message, String action) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** checks the required parts. */
  public InterlockTruth {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(station, "station");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(action, "action");
  }

  /**
   * whether a truth file line is one of these (else it is a {@link TruthLink}).
   *
   * @param line a line of the truth file.
   * @return true when it has the {@code "interlock"} member, which comes first.
   */
  public static boolean isInterlockLine(String line) {
    return line.startsWith("{\"interlock\":");
  }

  /**
   * this record as one line of JSON.
   *
   * @return e.g. {@code {"interlock":"units","station":"Line1.ICT.ICT01",...}}.
   */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("interlock", kind).put("station", station).put("at", at.toString()).put("subject", subject).put("lot", lot).put("accepted", accepted)
        .put("code", code).put("message", message).put("action", action);
    return o.toString();
  }

  /**
   * reads a line written by {@link #toJson()}.
   *
   * @param line the JSON line.
   * @return the record.
   * @throws IllegalArgumentException naming what is missing or malformed.
   */
  public static InterlockTruth parse(String line) {
    JsonNode o;
    try {
      o = JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a JSON truth line: " + line, e);
    }
    if (o == null || !o.isObject() || !o.hasNonNull("interlock")) {
      throw new IllegalArgumentException("not an interlock truth line: " + line);
    }
    for (String field : new String[] {"station", "at", "subject", "accepted", "code", "message", "action"}) {
      if (!o.hasNonNull(field)) {
        throw new IllegalArgumentException("interlock truth line lacks \"" + field + "\": " + line);
      }
    }
    return new InterlockTruth(o.get("interlock").asText(), o.get("station").asText(), Instant.parse(o.get("at").asText()), o.get("subject").asText(),
        o.hasNonNull("lot") ? o.get("lot").asText() : null, o.get("accepted").asBoolean(), o.get("code").asInt(), o.get("message").asText(),
        o.get("action").asText());
  }
}
