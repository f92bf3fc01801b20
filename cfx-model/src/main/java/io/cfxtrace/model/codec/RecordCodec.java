package io.cfxtrace.model.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.WireName;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * binds a JSON object to a CFX record through its components: member names matched exactly, then
 * ignoring case (the SDK mixes {@code TransactionID} and {@code TransactionId}); every member
 * optional; members the record does not declare kept in its {@code extensions}, which must be the
 * last component.
 *
 * <p>A component marked {@link LegacyText} also accepts the free text early SDK 1.0 builds wrote
 * there ({@code "Lane": "LANE1"}, {@code "Stage": "1"}): it is read by a {@link LegacyTextReader},
 * and the text itself is kept in the extensions under the component's wire name.
 *
 * <p>Writes every component, null ones as {@code null} (the SDK's NullValueHandling.Include), in
 * declaration order, then the extensions. A {@code $type} member, when written, comes first, as
 * Newtonsoft.Json only honours it there. A kept legacy text is written in its component's place
 * while it still reads as the component's value.
 */
final class RecordCodec<R extends CfxRecord> implements ValueCodec<R> {

  static final String TYPE_MEMBER = "$type";

  private final Class<R> type;
  private final @Nullable String typeText;
  private Slot[] slots = new Slot[0];
  private final Map<String, Slot> byName = new HashMap<>();
  private final Map<String, Slot> byLowerName = new HashMap<>();
  private MethodHandle constructor;
  private MethodHandle extensionsAccessor;

  private static final class Slot {
    final int index;
    final String wireName;
    final MethodHandle accessor;
    ValueCodec<Object> codec;
    /** for a {@link LegacyText} component, how its old free text reads; otherwise null. */
    @Nullable LegacyTextReader legacy;

    Slot(int index, String wireName, MethodHandle accessor) {
      this.index = index;
      this.wireName = wireName;
      this.accessor = accessor;
    }
  }

  /**
   * creates an unbound codec; {@link #bind} fills it, so that recursive structures can refer to
   * a codec under construction.
   */
  RecordCodec(Class<R> type, @Nullable String dotNetName) {
    this.type = type;
    this.typeText = dotNetName == null ? null : dotNetName + ", CFX";
  }

  @SuppressWarnings("unchecked")
  void bind(CodecFactory factory) {
    RecordComponent[] components = type.getRecordComponents();
    if (components == null || components.length == 0) {
      throw new IllegalStateException(type.getName() + " is not a record with components");
    }
    RecordComponent last = components[components.length - 1];
    if (!last.getName().equals("extensions")) {
      throw new IllegalStateException(type.getName() + ": the last component must be 'extensions'");
    }
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      Class<?>[] types = new Class<?>[components.length];
      Slot[] s = new Slot[components.length - 1];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
      }
      for (int i = 0; i < s.length; i++) {
        RecordComponent c = components[i];
        WireName wn = c.getAnnotation(WireName.class);
        String wire = wn != null ? wn.value() : Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1);
        s[i] = new Slot(i, wire, lookup.unreflect(c.getAccessor()));
        s[i].codec = (ValueCodec<Object>) factory.codecFor(c.getGenericType(), type.getName() + "." + c.getName());
        if (c.isAnnotationPresent(LegacyText.class)) {
          s[i].legacy = LegacyTextReader.forType(c.getType(), type.getName() + "." + c.getName());
        }
        byName.put(wire, s[i]);
        byLowerName.putIfAbsent(wire.toLowerCase(Locale.ROOT), s[i]);
      }
      slots = s;
      Constructor<R> ctor = type.getDeclaredConstructor(types);
      constructor = lookup.unreflectConstructor(ctor).asSpreader(Object[].class, components.length);
      extensionsAccessor = lookup.unreflect(last.getAccessor());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot bind record " + type.getName(), e);
    }
  }

  Class<R> type() {
    return type;
  }

  @Override
  public R read(JsonNode node) throws BindException {
    return read(node, false);
  }

  /**
   * reads a record.
   *
   * @param dropType whether a {@code $type} member was already used to choose this record; then
   *     it is not kept if it is exactly the text this codec writes back. Otherwise it is kept like
   *     any other unknown member.
   */
  R read(JsonNode node, boolean dropType) throws BindException {
    if (!node.isObject()) {
      throw ValueCodec.wrongType("an object", node);
    }
    Object[] args = new Object[slots.length + 1];
    // which member filled each slot: names that differ only in case map to one slot; the exact
    // spelling wins it, and any other spelling is kept as an extension under its own name, so
    // that re-encoding never writes one name twice.
    String[] filledBy = new String[slots.length];
    JsonNode[] filledWith = new JsonNode[slots.length];
    Map<String, JsonNode> extensions = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String name = member.getKey();
      JsonNode value = member.getValue();
      Slot slot = byName.get(name);
      boolean exact = slot != null;
      if (slot == null) {
        slot = byLowerName.get(name.toLowerCase(Locale.ROOT));
      }
      if (slot != null && (filledBy[slot.index] == null || (exact && !filledBy[slot.index].equals(slot.wireName)))) {
        if (filledBy[slot.index] != null) {
          extensions = put(extensions, filledBy[slot.index], filledWith[slot.index]);
        }
        filledBy[slot.index] = name;
        filledWith[slot.index] = value;
      } else if (!(dropType && name.equals(TYPE_MEMBER) && isOwnTypeText(value))) {
        extensions = put(extensions, name, value);
      }
    }
    for (Slot slot : slots) {
      JsonNode value = filledWith[slot.index];
      if (value != null && !value.isNull()) {
        if (slot.legacy != null && value.isTextual()) {
          // no member read from the wire has this exact name in the extensions: a differently
          // spelt one that lost the slot is kept under its own spelling
          args[slot.index] = slot.legacy.read(value.textValue());
          extensions = put(extensions, slot.wireName, value);
          continue;
        }
        try {
          args[slot.index] = slot.codec.read(value);
        } catch (BindException e) {
          throw e.atMember(filledBy[slot.index]);
        }
      }
    }
    args[slots.length] = extensions == null ? Map.of() : extensions;
    return construct(args);
  }

  private R construct(Object[] args) throws BindException {
    try {
      @SuppressWarnings("unchecked")
      R r = (R) constructor.invoke(args);
      return r;
    } catch (RuntimeException e) {
      throw new BindException(DecodeError.Kind.BAD_VALUE, "rejected by " + type.getSimpleName() + ": " + e.getMessage());
    } catch (Throwable e) {
      if (e instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e);
    }
  }

  @Override
  public R read(JsonParser p) throws BindException, IOException {
    return read(p, false);
  }

  /**
   * {@link #read(JsonNode, boolean)} as the parser streams: each member is bound as it comes, so
   * that only the records remain, never the object's tree. Same rules: the exact spelling of a
   * member wins its slot over other spellings, which are kept as extensions.
   */
  R read(JsonParser p, boolean dropType) throws BindException, IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return read((JsonNode) p.readValueAsTree(), dropType);
    }
    return readMembers(p, dropType, null);
  }

  /**
   * the members of an object whose {@code $type} member came first and was read by {@link
   * FamilyCodec} to choose this record: the parser stands on that member's text.
   *
   * @param p the parser, on the text of {@code $type}.
   * @param typeText that text.
   */
  R readAfterType(JsonParser p, String typeText) throws BindException, IOException {
    return readMembers(p, true, typeText);
  }

  private R readMembers(JsonParser p, boolean dropType, @Nullable String typeRead) throws BindException, IOException {
    Object[] args = new Object[slots.length + 1];
    String[] filledBy = new String[slots.length];
    Map<String, JsonNode> extensions = null;
    if (typeRead != null && !(dropType && typeRead.equals(typeText))) {
      extensions = put(null, TYPE_MEMBER, com.fasterxml.jackson.databind.node.TextNode.valueOf(typeRead));
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      Slot slot = byName.get(name);
      boolean exact = slot != null;
      if (slot == null) {
        slot = byLowerName.get(name.toLowerCase(Locale.ROOT));
      }
      if (slot != null && (filledBy[slot.index] == null || (exact && !filledBy[slot.index].equals(slot.wireName)))) {
        if (filledBy[slot.index] != null) {
          // a differently spelt member lost the slot: kept under its own spelling, as written
          extensions = put(extensions, filledBy[slot.index], asTree(slot, args[slot.index]));
          args[slot.index] = null;
        }
        filledBy[slot.index] = name;
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          continue;
        }
        if (slot.legacy != null && p.currentToken() == JsonToken.VALUE_STRING) {
          String text = p.getText();
          args[slot.index] = slot.legacy.read(text);
          extensions = put(extensions, slot.wireName, com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
          continue;
        }
        try {
          args[slot.index] = slot.codec.read(p);
        } catch (BindException e) {
          throw e.atMember(name);
        }
      } else {
        JsonNode value = ValueCodec.tree(p);
        if (!(dropType && name.equals(TYPE_MEMBER) && isOwnTypeText(value))) {
          extensions = put(extensions, name, value);
        }
      }
    }
    args[slots.length] = extensions == null ? Map.of() : extensions;
    return construct(args);
  }

  /** a value bound to a slot, as JSON again (for the rare member that loses its slot). */
  private static JsonNode asTree(Slot slot, @Nullable Object value) throws IOException {
    if (value == null) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    try (com.fasterxml.jackson.databind.util.TokenBuffer buffer = new com.fasterxml.jackson.databind.util.TokenBuffer(null, false)) {
      slot.codec.write(value, buffer);
      try (JsonParser back = buffer.asParser(TREE_READER)) {
        return back.readValueAsTree();
      }
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper TREE_READER = new com.fasterxml.jackson.databind.ObjectMapper();

  private static Map<String, JsonNode> put(Map<String, JsonNode> map, String name, JsonNode value) {
    Map<String, JsonNode> m = map == null ? new LinkedHashMap<>() : map;
    m.put(name, value);
    return m;
  }

  /**
   * whether a {@code $type} value is exactly what this codec writes, so that dropping it and
   * writing it again loses nothing. Any other text (SDK 1.0 wrote the assembly as {@code
   * CFXnet46}) is kept as an unknown member and written back verbatim.
   */
  private boolean isOwnTypeText(JsonNode type) {
    return type.isTextual() && type.textValue().equals(typeText);
  }

  @Override
  public void write(R value, JsonGenerator out) throws IOException {
    write(value, out, false);
  }

  /**
   * writes a record.
   *
   * @param withType whether to write the record's {@code $type} first.
   */
  void write(R value, JsonGenerator out, boolean withType) throws IOException {
    Map<String, JsonNode> extensions = extensions(value);
    out.writeStartObject();
    JsonNode keptType = extensions.get(TYPE_MEMBER);
    if (keptType != null) {
      out.writeFieldName(TYPE_MEMBER);
      out.writeTree(keptType);
    } else if (withType && typeText != null) {
      out.writeStringField(TYPE_MEMBER, typeText);
    }
    for (Slot slot : slots) {
      out.writeFieldName(slot.wireName);
      Object v = get(slot.accessor, value);
      JsonNode legacyText = slot.legacy == null ? null : extensions.get(slot.wireName);
      if (legacyText != null && legacyText.isTextual() && slot.legacy.denotes(legacyText.textValue(), v)) {
        out.writeTree(legacyText);
      } else if (v == null) {
        out.writeNull();
      } else {
        slot.codec.write(v, out);
      }
    }
    for (Map.Entry<String, JsonNode> e : extensions.entrySet()) {
      if (!e.getKey().equals(TYPE_MEMBER) && !isLegacySlot(e.getKey())) {
        out.writeFieldName(e.getKey());
        out.writeTree(e.getValue());
      }
    }
    out.writeEndObject();
  }

  /** whether an extension is the kept text of a {@link LegacyText} component, written in its place. */
  private boolean isLegacySlot(String name) {
    Slot slot = byName.get(name);
    return slot != null && slot.legacy != null;
  }

  @SuppressWarnings("unchecked")
  private Map<String, JsonNode> extensions(R value) {
    return (Map<String, JsonNode>) get(extensionsAccessor, value);
  }

  private static Object get(MethodHandle accessor, Object target) {
    try {
      return accessor.invoke(target);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
