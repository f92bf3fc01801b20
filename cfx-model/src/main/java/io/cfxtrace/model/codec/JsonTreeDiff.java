package io.cfxtrace.model.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * compares an input JSON tree with what the codec re-encoded from it, under the equivalences the
 * CFX wire format allows, and lists every difference by path. Used by the golden round-trip tests
 * and by anyone checking that a re-encoding kept every member.
 *
 * <ul>
 *   <li>member names match ignoring case, as the SDK reads them ({@code TransactionId} in an
 *       input is kept as {@code TransactionID} where that is the declared spelling);
 *   <li>numbers compare by value ({@code 10} and {@code 10.0} are the same double);
 *   <li>a number or boolean written as a string ({@code "Lane": "1"}, as SDK 1.0's examples do)
 *       may come back as the declared type, which is how Newtonsoft.Json reads it;
 *   <li>the output may add members whose value is {@code null} (the SDK writes every property)
 *       and a {@code $type} (the SDK writes it for a subclass, and first in every body);
 *   <li>everything else must be equal: no input member may be lost or changed.
 * </ul>
 */
public final class JsonTreeDiff {

  private JsonTreeDiff() {}

  /**
   * lists how {@code output} differs from {@code input}, beyond the allowed equivalences.
   *
   * @param input the JSON as received.
   * @param output the JSON the codec wrote for it.
   * @return one line per difference, {@code <path>: <what>}; empty when nothing was lost or
   *     changed.
   */
  public static List<String> differences(JsonNode input, JsonNode output) {
    List<String> out = new ArrayList<>();
    compare(input, output, "$", out);
    return out;
  }

  private static void compare(JsonNode in, JsonNode out, String path, List<String> diffs) {
    if (in.isNumber() && out.isNumber()) {
      if (!sameNumber(in, out)) {
        diffs.add(path + ": number " + in + " became " + out);
      }
      return;
    }
    if (in.isObject() && out.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode o = member(out, e.getKey());
        if (o == null) {
          diffs.add(path + "." + e.getKey() + ": lost");
        } else {
          compare(e.getValue(), o, path + "." + e.getKey(), diffs);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (member(in, e.getKey()) == null && !e.getValue().isNull() && !e.getKey().equals("$type")) {
          diffs.add(path + "." + e.getKey() + ": added " + e.getValue());
        }
      }
      return;
    }
    if (in.isArray() && out.isArray()) {
      if (in.size() != out.size()) {
        diffs.add(path + ": array of " + in.size() + " became " + out.size());
        return;
      }
      for (int i = 0; i < in.size(); i++) {
        compare(in.get(i), out.get(i), path + "[" + i + "]", diffs);
      }
      return;
    }
    if (in.isTextual() && (out.isNumber() || out.isBoolean()) && sameScalarText(in.textValue(), out)) {
      return;
    }
    if (!in.equals(out)) {
      diffs.add(path + ": " + in + " became " + out);
    }
  }

  private static boolean sameScalarText(String text, JsonNode out) {
    if (out.isBoolean()) {
      return text.trim().equalsIgnoreCase(out.asText());
    }
    try {
      return new BigDecimal(text.trim()).compareTo(out.decimalValue()) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static JsonNode member(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (n.toLowerCase(Locale.ROOT).equals(lower)) {
        return object.get(n);
      }
    }
    return null;
  }

  private static boolean sameNumber(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    if (a.isDouble() || b.isDouble() || a.isFloat() || b.isFloat()) {
      return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
    }
    return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
  }
}
