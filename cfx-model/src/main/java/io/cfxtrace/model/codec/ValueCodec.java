package io.cfxtrace.model.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * reads one CFX value from the parsed tree and writes it back to a generator.
 *
 * <p>Implementations are stateless and thread-safe. {@code read} is never given a JSON null (the
 * caller maps that to Java null) and never throws an unchecked exception for bad input: it
 * throws {@link BindException}, to which each enclosing container adds its member name or index.
 *
 * @param <T> the Java type.
 */
interface ValueCodec<T> {

  T read(JsonNode node) throws BindException;

  /**
   * reads the value at the parser's current token, leaving the parser on the value's last token.
   * The default reads the value's tree and binds it: right for scalars and small structures.
   * Records and lists bind as they stream, so that a 30 MB inspection result is never held as a
   * tree (issue #13: the tree took about six heap bytes per byte of JSON).
   *
   * @param p a parser on the value's first token, never a JSON null.
   * @return the value.
   * @throws BindException for a value of the wrong shape.
   * @throws IOException for JSON the parser refuses; the caller names it.
   */
  default T read(JsonParser p) throws BindException, IOException {
    return read(tree(p));
  }

  /**
   * the tree of the value at the parser's current token. A string, a boolean and a number that
   * fits an int, a long or a double are made here as the mapper would make them, without its
   * per-call deserialization context (a 30 MB SPI result has over a million such values);
   * anything else is read by the mapper.
   *
   * @param p a parser on the value's first token.
   * @return its tree.
   * @throws IOException for JSON the parser refuses.
   */
  static JsonNode tree(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_STRING:
        return TextNode.valueOf(p.getText());
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return IntNode.valueOf(p.getIntValue());
          case LONG:
            return LongNode.valueOf(p.getLongValue());
          default:
            return p.readValueAsTree();
        }
      case VALUE_NUMBER_FLOAT:
        return p.getNumberType() == JsonParser.NumberType.DOUBLE ? DoubleNode.valueOf(p.getDoubleValue()) : p.readValueAsTree();
      default:
        return p.readValueAsTree();
    }
  }

  void write(T value, JsonGenerator out) throws IOException;

  static String describe(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      case STRING:
        String t = node.textValue();
        return "the string \"" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "\"";
      case NUMBER:
        return "the number " + node.asText();
      case BOOLEAN:
        return "the boolean " + node.asText();
      default:
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static BindException wrongType(String expected, JsonNode found) {
    return new BindException(
        DecodeError.Kind.WRONG_TYPE, "expected " + expected + ", found " + describe(found));
  }
}
