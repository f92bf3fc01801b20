package io.cfxtrace.model.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.value.CfxEnum;
import io.cfxtrace.model.value.EnumValue;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * reads a CFX enum from a member name (any letter case), an integer or a numeric string, as
 * Newtonsoft.Json does; a value that no constant denotes is kept, never an error. Writes a value
 * read from the wire back in the form it was read, and a value made in code in the SDK's form.
 */
final class EnumCodec<E extends Enum<E> & CfxEnum> implements ValueCodec<EnumValue<E>> {

  private final Map<String, E> byName = new HashMap<>();
  private final Map<String, E> byLowerName = new HashMap<>();
  private final Map<Integer, E> byCode = new HashMap<>();
  private final boolean codeStrings;

  EnumCodec(Class<E> type) {
    E[] constants = type.getEnumConstants();
    for (E e : constants) {
      byName.putIfAbsent(e.wireName(), e);
      byLowerName.putIfAbsent(e.wireName().toLowerCase(Locale.ROOT), e);
      byCode.putIfAbsent(e.code(), e);
    }
    codeStrings = constants.length > 0 && constants[0].wireForm() == CfxEnum.WireForm.CODE_STRING;
  }

  @Override
  public EnumValue<E> read(JsonNode node) throws BindException {
    if (node.isTextual()) {
      String text = node.textValue();
      E e = byName.get(text);
      if (e == null) {
        text = text.trim();
        e = byLowerName.get(text.toLowerCase(Locale.ROOT));
      }
      if (e == null && codeStrings) {
        // SEMI E58 legacy codes that the SDK's ResourceStateConverter maps on read.
        if (text.equalsIgnoreCase("22A0")) {
          e = byCode.get(2201);
        } else if (text.equalsIgnoreCase("22B0")) {
          e = byCode.get(2202);
        }
      }
      if (e == null && isInteger(text)) {
        e = byCode.get(Integer.parseInt(text));
      }
      return e != null ? EnumValue.read(e, node) : EnumValue.unknown(node);
    }
    if (node.isIntegralNumber()) {
      E e = node.canConvertToInt() ? byCode.get(node.intValue()) : null;
      return e != null ? EnumValue.read(e, node) : EnumValue.unknown(node);
    }
    throw ValueCodec.wrongType("an enum name or number", node);
  }

  @Override
  public void write(EnumValue<E> value, JsonGenerator out) throws IOException {
    if (value.wire().isPresent()) {
      out.writeTree(value.wire().get());
      return;
    }
    E e = value.known().orElseThrow();
    switch (e.wireForm()) {
      case NUMBER:
        out.writeNumber(e.code());
        break;
      case CODE_STRING:
        out.writeString(String.format(Locale.ROOT, "%04d", e.code()));
        break;
      default:
        out.writeString(e.wireName());
    }
  }

  private static boolean isInteger(String text) {
    if (text.isEmpty() || text.length() > 10) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.isDigit(c) || (i == 0 && c == '-' && text.length() > 1))) {
        return false;
      }
    }
    long v = Long.parseLong(text);
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
  }
}
