package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * a structure-aware mutation of the golden fixtures for {@link FuzzNormalizerTest}: the bytes of
 * a fuzz input choose a fixture and up to eight edits of its JSON tree, each a node of the tree
 * (all equally likely) and what to put there (null, empty and over-long strings, NUL and control characters, numbers at
 * the edges of int, long and double, the unset GUID and dates, a shared identifier, another part of
 * the same message, a removal). Unlike byte mutations of the JSON text, every edit keeps the
 * payload valid JSON, so the fuzzer spends its time on envelopes the codec accepts and the
 * projectors see. The mapping from bytes to edits is fixed, so a finding replays.
 */
final class Edits {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** identifiers that make messages name the same units, packages, transactions. */
  private static final String[] SHARED = {
    "PANEL-1", "SN-1", "00000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}",
    "2c24590d-39c5-4039-96a5-91900cecedfa", "PANEL-1#1", " ", "#"
  };

  private static final String[] TIMES = {
    "0001-01-01T00:00:00", "9999-12-31T23:59:59.9999999+14:00", "0001-01-01T00:00:00-18:00", "2026-03-16T08:00:00",
    "2026-03-16T08:00:00.1234567Z", "10675199.02:48:05.4775807", "-10675199.02:48:05.4775808", "200000.00:00:00", "00:00:00",
    "-00:00:01"
  };

  private static final Number[] NUMBERS = {
    0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 2_147_483_648L, Long.MAX_VALUE, Long.MIN_VALUE, 1e308, -1e308, 4.9e-324, 0.5,
    65_536, 1_000_000_000
  };

  private final byte[] in;
  private int at;

  private Edits(byte[] in, int from) {
    this.in = in;
    this.at = from;
  }

  /**
   * the payload an edited input stands for.
   *
   * @param fixtures the fixtures' trees (not changed).
   * @param input the input: its first byte is the marker, then two bytes choose the fixture, then
   *     each edit takes what it needs; missing bytes read as zero.
   * @return the edited fixture's JSON.
   */
  static byte[] apply(List<JsonNode> fixtures, byte[] input) {
    Edits e = new Edits(input, 1);
    JsonNode root = fixtures.get(e.next(fixtures.size())).deepCopy();
    int edits = 1 + e.next(8);
    for (int i = 0; i < edits && e.at < e.in.length; i++) {
      e.edit(root);
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** a choice in [0, bound), from the next two bytes. */
  private int next(int bound) {
    int hi = at < in.length ? in[at++] & 0xFF : 0;
    int lo = at < in.length ? in[at++] & 0xFF : 0;
    return bound <= 1 ? 0 : ((hi << 8) | lo) % bound;
  }

  private void edit(JsonNode root) {
    // any node but the envelope itself, all equally likely
    List<JsonNode> parents = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    collect(root, parents, keys);
    if (parents.isEmpty()) {
      return;
    }
    int pick = next(parents.size());
    JsonNode parent = parents.get(pick);
    Object key = keys.get(pick);
    JsonNode node = key instanceof String member ? parent.get(member) : parent.get((Integer) key);
    String text = node.isValueNode() ? node.asText() : "";
    JsonNode value;
    switch (next(10)) {
      case 0 -> value = JSON.nullNode();
      case 1 -> {
        if (parent instanceof ArrayNode a) {
          a.insert((Integer) key, node.deepCopy()); // the same element twice
        } else {
          ((ObjectNode) parent).remove((String) key);
        }
        return;
      }
      case 2 -> value = parents.get(next(parents.size())).deepCopy(); // another part of the message, in the wrong place
      case 3 -> value = JSON.textNode(SHARED[next(SHARED.length)]);
      case 4 -> value = JSON.textNode(TIMES[next(TIMES.length)]);
      case 5 -> value = number(NUMBERS[next(NUMBERS.length)]);
      case 6 -> value = node.isArray() ? JSON.objectNode() : node.isObject() ? JSON.arrayNode() : JSON.textNode("");
      case 7 -> value = node.isContainerNode() ? JSON.arrayNode().add(node.deepCopy()) : JSON.textNode(text + "\u0000");
      case 8 -> value = JSON.textNode((text.isEmpty() ? "X" : text).repeat(1 + 300 / Math.max(1, text.length())));
      default -> value = JSON.textNode(text + "\n\t\u001f");
    }
    if (parent instanceof ObjectNode o) {
      o.set((String) key, value);
    } else {
      ((ArrayNode) parent).set((Integer) key, value);
    }
  }

  /** every node below {@code n} as (its parent, its member name or index). */
  private static void collect(JsonNode n, List<JsonNode> parents, List<Object> keys) {
    if (n instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(name -> {
        parents.add(o);
        keys.add(name);
        collect(o.get(name), parents, keys);
      });
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        parents.add(a);
        keys.add(i);
        collect(a.get(i), parents, keys);
      }
    }
  }

  private static JsonNode number(Number n) {
    if (n instanceof Integer i) {
      return JSON.numberNode(i);
    }
    if (n instanceof Long l) {
      return JSON.numberNode(l);
    }
    return JSON.numberNode(n.doubleValue());
  }
}
