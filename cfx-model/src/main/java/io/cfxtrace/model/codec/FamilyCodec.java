package io.cfxtrace.model.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.registry.CfxRegistry;
import io.cfxtrace.model.registry.FamilyEntry;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * a polymorphic CFX structure: chooses the record by {@code $type}, wherever it stands in the
 * object (Newtonsoft.Json only looks at the first member; other serializers reorder), through the
 * closed registry.
 *
 * <p>No {@code $type}: the family's concrete base record, as a .NET reader would build (SDK 1.0
 * and 1.1, and properties the SDK writes without type names). An unknown {@code $type}, one that
 * names a type outside the family, or no {@code $type} for an abstract family: an {@link
 * UnknownStructure} holding every member, so nothing is lost.
 *
 * <p>On write, {@code $type} is written when the record is not the family's base record, which is
 * when the SDK writes it.
 */
final class FamilyCodec implements ValueCodec<CfxRecord> {

  private final FamilyEntry family;
  private final CodecFactory factory;
  private final CfxRegistry registry;
  private final @Nullable RecordCodec<? extends CfxRecord> base;

  FamilyCodec(FamilyEntry family, CodecFactory factory, CfxRegistry registry) {
    this.family = family;
    this.factory = factory;
    this.registry = registry;
    this.base = family.base().<RecordCodec<? extends CfxRecord>>map(factory::record).orElse(null);
  }

  @Override
  public CfxRecord read(JsonNode node) throws BindException {
    if (!node.isObject()) {
      throw ValueCodec.wrongType("an object", node);
    }
    JsonNode type = node.get(RecordCodec.TYPE_MEMBER);
    if (type != null && type.isTextual()) {
      Optional<Class<? extends CfxRecord>> c = registry.type(type.textValue());
      if (c.isPresent() && family.family().isAssignableFrom(c.get())) {
        return factory.record(c.get()).read(node, true);
      }
      return unknown(type.textValue(), node);
    }
    if (base != null) {
      return base.read(node, false);
    }
    return unknown("", node);
  }

  /**
   * as the parser streams when {@code $type} is the object's first member, as Newtonsoft.Json
   * (the SDK's serializer) always writes it: the record binds member by member, with no tree of
   * the object (a 30 MB SPI result holds 80,000 such measurements). Otherwise, or for a type this
   * family does not know, the object's tree as {@link #read(JsonNode)} reads it.
   */
  @Override
  public CfxRecord read(JsonParser p) throws BindException, IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return read((JsonNode) p.readValueAsTree());
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (p.nextToken() == JsonToken.FIELD_NAME) {
      String first = p.currentName();
      if (first.equals(RecordCodec.TYPE_MEMBER) && p.nextToken() == JsonToken.VALUE_STRING) {
        String typeText = p.getText();
        Optional<Class<? extends CfxRecord>> c = registry.type(typeText);
        if (c.isPresent() && family.family().isAssignableFrom(c.get())) {
          return factory.record(c.get()).readAfterType(p, typeText);
        }
        node.put(first, typeText);
      } else {
        if (p.currentToken() == JsonToken.FIELD_NAME) {
          p.nextToken();
        }
        node.set(first, ValueCodec.tree(p));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        node.set(name, ValueCodec.tree(p));
      }
    }
    return read(node);
  }

  static UnknownStructure unknown(String typeName, JsonNode node) {
    Map<String, JsonNode> members = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (typeName.isEmpty() || !e.getKey().equals(RecordCodec.TYPE_MEMBER)) {
        members.put(e.getKey(), e.getValue());
      }
    }
    return new UnknownStructure(typeName, members);
  }

  @Override
  public void write(CfxRecord value, JsonGenerator out) throws IOException {
    if (value instanceof UnknownStructure u) {
      writeUnknown(u, out);
      return;
    }
    @SuppressWarnings("unchecked")
    RecordCodec<CfxRecord> codec = (RecordCodec<CfxRecord>) factory.record(value.getClass());
    codec.write(value, out, base == null || base.type() != value.getClass());
  }

  static void writeUnknown(UnknownStructure u, JsonGenerator out) throws IOException {
    out.writeStartObject();
    if (!u.typeName().isEmpty()) {
      out.writeStringField(RecordCodec.TYPE_MEMBER, u.typeName());
    }
    for (Map.Entry<String, JsonNode> e : u.extensions().entrySet()) {
      out.writeFieldName(e.getKey());
      out.writeTree(e.getValue());
    }
    out.writeEndObject();
  }
}
