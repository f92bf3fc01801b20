package io.cfxtrace.endpoint.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Decimal128;
import org.apache.qpid.proton.amqp.Decimal32;
import org.apache.qpid.proton.amqp.Decimal64;
import org.apache.qpid.proton.amqp.DescribedType;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedByte;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.UnsignedLong;
import org.apache.qpid.proton.amqp.UnsignedShort;
import org.apache.qpid.proton.amqp.messaging.AmqpSequence;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.jspecify.annotations.Nullable;

/**
 * the body sections of an AMQP message that carries no CFX payload (an amqp-value holding a map, a
 * list or a number; amqp-sequence sections; or a mix of body kinds, which AMQP 1.0 part 3.2 does
 * not allow), written as JSON so that the dead letter keeps all of it in a form people and tools
 * can read. Lossless: every AMQP type is told apart, so the sections can be rebuilt from the JSON.
 *
 * <p>The document is {@code {"amqp-body": [S, ...]}}, one {@code S} per body section in wire
 * order: {@code {"data": "<base64>"}}, {@code {"amqp-sequence": [V, ...]}} or {@code
 * {"amqp-value": V}}. It has no {@code MessageName}, so the CFX decoder never takes it for an
 * envelope. A value {@code V} is:
 *
 * <ul>
 *   <li>{@code null}, a boolean or a string: the JSON value itself;
 *   <li>a list: a JSON array of values;
 *   <li>a map: a JSON object when every key is a string (keys in wire order), unless it has exactly
 *       one key and that key starts with {@code $}; otherwise {@code {"$map": [[K, V], ...]}};
 *   <li>anything else: an object with one member naming the AMQP type: {@code {"$symbol": "s"}},
 *       {@code {"$binary": "<base64>"}}, {@code {"$uuid": "..."}}, {@code {"$timestamp": <ms since
 *       1970>}}, {@code {"$char": "c"}}, {@code {"$byte"|"$short"|"$int"|"$long"|"$ubyte"|"$ushort"
 *       |"$uint"|"$ulong": <integer>}}, {@code {"$float"|"$double": <number, or "NaN",
 *       "Infinity", "-Infinity">}}, {@code {"$decimal32"|"$decimal64"|"$decimal128": "<hex of the
 *       IEEE 754 bits>"}}, {@code {"$array": {"of": "<element type>", "items": [V, ...]}}}, {@code
 *       {"$described": [descriptor V, value V]}}; a Java object that Proton-J's decoder does
 *       not produce is written as {@code {"$any": "<class>: <text>"}}.
 * </ul>
 *
 * <p>A section nested deeper than {@value #MAX_DEPTH} levels, or whose JSON would take more than
 * {@value #MAX_JSON_PER_WIRE_BYTE} bytes per byte of its AMQP encoding, is written as {@code
 * {"encoded": "<base64 of its AMQP encoding>"}} instead, which is lossless too.
 */
final class AmqpBodyJson {

  /** nesting kept as JSON; deeper sections are kept as their AMQP encoding. */
  static final int MAX_DEPTH = 64;

  /**
   * JSON bytes a section may take per byte of its AMQP encoding (plus 1 KiB); a section that would
   * take more is kept as its AMQP encoding, so that a message of many one-byte values cannot make
   * its dead letter ten times its size.
   */
  static final int MAX_JSON_PER_WIRE_BYTE = 8;

  private static final JsonFactory JSON = new JsonFactory();

  private AmqpBodyJson() {}

  /**
   * a body section as read, with where its encoding lies in the message.
   *
   * @param section the section: Data, AmqpSequence or AmqpValue.
   * @param start offset of its encoding in the message.
   * @param end offset just after it.
   */
  record Section(Object section, int start, int end) {}

  /**
   * writes the document.
   *
   * @param message the encoded message the sections were read from.
   * @param sections the body sections, in wire order.
   * @return UTF-8 JSON.
   */
  static byte[] write(byte[] message, List<Section> sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"amqp-body\":[".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < sections.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(section(message, sections.get(i)));
    }
    out.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** one section as a JSON object: as its value, or as its AMQP encoding when too deep or too wordy. */
  private static byte[] section(byte[] message, Section s) {
    int wire = s.end() - s.start();
    if (!(s.section() instanceof Data) && depth(content(s.section()), 0) <= MAX_DEPTH) {
      Bounded out = new Bounded(MAX_JSON_PER_WIRE_BYTE * wire + 1024L);
      try (JsonGenerator g = JSON.createGenerator(out)) {
        g.writeStartObject();
        if (s.section() instanceof AmqpSequence q) {
          g.writeFieldName("amqp-sequence");
          value(g, q.getValue());
        } else {
          g.writeFieldName("amqp-value");
          value(g, ((AmqpValue) s.section()).getValue());
        }
        g.writeEndObject();
      } catch (Bounded.Exceeded e) {
        out = null; // many tiny values (a list of ulong 0: one byte each) would become a large document
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail otherwise
      }
      if (out != null) {
        return out.toByteArray();
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      if (s.section() instanceof Data d) {
        g.writeStringField("data", base64(d.getValue()));
      } else {
        g.writeStringField("encoded", Base64.getEncoder().encodeToString(Arrays.copyOfRange(message, s.start(), s.end())));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** a byte buffer that refuses to grow beyond a bound. */
  private static final class Bounded extends ByteArrayOutputStream {
    private final long bound;

    /** thrown when the bound would be passed; no stack trace, it is caught right away. */
    static final class Exceeded extends RuntimeException {
      Exceeded() {
        super("JSON larger than its bound", null, false, false);
      }
    }

    Bounded(long bound) {
      this.bound = bound;
    }

    @Override
    public void write(int b) {
      check(1);
      super.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      check(len);
      super.write(b, off, len);
    }

    private void check(int more) {
      if (count + (long) more > bound) {
        throw new Exceeded();
      }
    }
  }

  private static @Nullable Object content(Object section) {
    return section instanceof AmqpSequence q ? q.getValue() : ((AmqpValue) section).getValue();
  }

  /**
   * the AMQP type name of a decoded value, as used in dead-letter reasons and in the {@code $}
   * members above.
   *
   * @param v a value as Proton-J decodes it.
   * @return for example {@code map}, {@code list}, {@code symbol}, {@code null}.
   */
  static String typeName(@Nullable Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map) {
      return "map";
    }
    if (v instanceof List) {
      return "list";
    }
    if (v.getClass().isArray()) {
      return "array";
    }
    if (v instanceof DescribedType) {
      return "described";
    }
    return typeName(v.getClass());
  }

  private static String typeName(Class<?> c) {
    if (c == String.class) {
      return "string";
    } else if (c == Boolean.class || c == boolean.class) {
      return "boolean";
    } else if (c == Symbol.class) {
      return "symbol";
    } else if (c == Binary.class) {
      return "binary";
    } else if (c == UUID.class) {
      return "uuid";
    } else if (c == Date.class) {
      return "timestamp";
    } else if (c == Character.class || c == char.class) {
      return "char";
    } else if (c == Byte.class || c == byte.class) {
      return "byte";
    } else if (c == Short.class || c == short.class) {
      return "short";
    } else if (c == Integer.class || c == int.class) {
      return "int";
    } else if (c == Long.class || c == long.class) {
      return "long";
    } else if (c == UnsignedByte.class) {
      return "ubyte";
    } else if (c == UnsignedShort.class) {
      return "ushort";
    } else if (c == UnsignedInteger.class) {
      return "uint";
    } else if (c == UnsignedLong.class) {
      return "ulong";
    } else if (c == Float.class || c == float.class) {
      return "float";
    } else if (c == Double.class || c == double.class) {
      return "double";
    } else if (c == Decimal32.class) {
      return "decimal32";
    } else if (c == Decimal64.class) {
      return "decimal64";
    } else if (c == Decimal128.class) {
      return "decimal128";
    } else if (List.class.isAssignableFrom(c)) {
      return "list";
    } else if (Map.class.isAssignableFrom(c)) {
      return "map";
    } else if (c.isArray()) {
      return "array";
    } else if (DescribedType.class.isAssignableFrom(c)) {
      return "described";
    }
    return "any";
  }

  /** how deeply a value nests, counting no further than just past {@link #MAX_DEPTH}. */
  private static int depth(@Nullable Object v, int level) {
    if (level > MAX_DEPTH) {
      return level;
    }
    int deepest = level;
    if (v instanceof List<?> l) {
      for (Object o : l) {
        deepest = Math.max(deepest, depth(o, level + 1));
      }
    } else if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        deepest = Math.max(deepest, Math.max(depth(e.getKey(), level + 1), depth(e.getValue(), level + 1)));
      }
    } else if (v instanceof Object[] a) {
      for (Object o : a) {
        deepest = Math.max(deepest, depth(o, level + 1));
      }
    } else if (v instanceof DescribedType d) {
      deepest = Math.max(depth(d.getDescriptor(), level + 1), depth(d.getDescribed(), level + 1));
    }
    return deepest;
  }

  private static void value(JsonGenerator g, @Nullable Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        value(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      map(g, m);
    } else if (v.getClass().isArray()) {
      g.writeStartObject();
      g.writeObjectFieldStart("$array");
      g.writeStringField("of", typeName(v.getClass().getComponentType()));
      g.writeArrayFieldStart("items");
      for (int i = 0, n = Array.getLength(v); i < n; i++) {
        value(g, Array.get(v, i));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    } else if (v instanceof DescribedType d) {
      g.writeStartObject();
      g.writeArrayFieldStart("$described");
      value(g, d.getDescriptor());
      value(g, d.getDescribed());
      g.writeEndArray();
      g.writeEndObject();
    } else {
      g.writeStartObject();
      g.writeFieldName("$" + typeName(v));
      scalar(g, v);
      g.writeEndObject();
    }
  }

  private static void map(JsonGenerator g, Map<?, ?> m) throws IOException {
    boolean plain = true;
    for (Object k : m.keySet()) {
      plain &= k instanceof String;
    }
    if (plain && m.size() == 1 && ((String) m.keySet().iterator().next()).startsWith("$")) {
      plain = false; // would read as a type tag
    }
    if (plain) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
      return;
    }
    g.writeStartObject();
    g.writeArrayFieldStart("$map");
    for (Map.Entry<?, ?> e : m.entrySet()) {
      g.writeStartArray();
      value(g, e.getKey());
      value(g, e.getValue());
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void scalar(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Symbol s) {
      g.writeString(s.toString());
    } else if (v instanceof Binary b) {
      g.writeString(base64(b));
    } else if (v instanceof UUID u) {
      g.writeString(u.toString());
    } else if (v instanceof Date d) {
      g.writeNumber(d.getTime());
    } else if (v instanceof Character c) {
      g.writeString(String.valueOf(c));
    } else if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long
        || v instanceof UnsignedByte || v instanceof UnsignedShort || v instanceof UnsignedInteger) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof UnsignedLong u) {
      g.writeNumber(u.bigIntegerValue());
    } else if (v instanceof Float f) {
      if (f.isNaN() || f.isInfinite()) {
        g.writeString(f.toString());
      } else {
        g.writeNumber(f);
      }
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        g.writeString(d.toString());
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof Decimal32 d) {
      g.writeString(String.format(Locale.ROOT, "%08x", d.getBits()));
    } else if (v instanceof Decimal64 d) {
      g.writeString(String.format(Locale.ROOT, "%016x", d.getBits()));
    } else if (v instanceof Decimal128 d) {
      g.writeString(String.format(Locale.ROOT, "%016x%016x", d.getMostSignificantBits(), d.getLeastSignificantBits()));
    } else {
      // not a type Proton-J's decoder produces; kept as its class and text
      g.writeString(v.getClass().getName() + ": " + v);
    }
  }

  private static String base64(Binary b) {
    byte[] bytes = b.getArray().length == b.getLength() && b.getArrayOffset() == 0 ? b.getArray() : Arrays.copyOfRange(b.getArray(), b.getArrayOffset(), b.getArrayOffset() + b.getLength());
    return Base64.getEncoder().encodeToString(bytes);
  }
}
