package io.cfxtrace.model.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.value.CfxDuration;
import io.cfxtrace.model.value.CfxTimestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * codecs for the CFX scalar types, as liberal on read as Newtonsoft.Json with the SDK's settings:
 * numbers are accepted as JSON strings, strings accept any JSON scalar, booleans accept 0/1 and
 * "true"/"false" in any letter case, and doubles accept "NaN"/"Infinity".
 */
final class ScalarCodecs {

  private ScalarCodecs() {}

  static final ValueCodec<String> STRING =
      new ValueCodec<>() {
        @Override
        public String read(JsonNode node) throws BindException {
          if (node.isTextual()) {
            return node.textValue();
          }
          if (node.isValueNode()) {
            return node.asText();
          }
          throw ValueCodec.wrongType("a string", node);
        }

        @Override
        public void write(String value, JsonGenerator out) throws IOException {
          out.writeString(value);
        }
      };

  static final ValueCodec<Integer> INTEGER =
      new ValueCodec<>() {
        @Override
        public Integer read(JsonNode node) throws BindException {
          long v = readLong(node, "a 32-bit integer");
          if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new BindException(DecodeError.Kind.BAD_VALUE, "integer " + v + " is outside the 32-bit range");
          }
          return (int) v;
        }

        @Override
        public void write(Integer value, JsonGenerator out) throws IOException {
          out.writeNumber(value);
        }
      };

  static final ValueCodec<Long> LONG =
      new ValueCodec<>() {
        @Override
        public Long read(JsonNode node) throws BindException {
          return readLong(node, "a 64-bit integer");
        }

        @Override
        public void write(Long value, JsonGenerator out) throws IOException {
          out.writeNumber(value);
        }
      };

  static final ValueCodec<Double> DOUBLE =
      new ValueCodec<>() {
        @Override
        public Double read(JsonNode node) throws BindException {
          if (node.isNumber()) {
            return node.doubleValue();
          }
          if (node.isTextual()) {
            String t = node.textValue().trim();
            switch (t) {
              case "NaN":
                return Double.NaN;
              case "Infinity":
                return Double.POSITIVE_INFINITY;
              case "-Infinity":
                return Double.NEGATIVE_INFINITY;
              default:
                try {
                  return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                  throw new BindException(DecodeError.Kind.BAD_VALUE, "not a number: " + ValueCodec.describe(node));
                }
            }
          }
          throw ValueCodec.wrongType("a number", node);
        }

        @Override
        public void write(Double value, JsonGenerator out) throws IOException {
          out.writeNumber(value);
        }
      };

  static final ValueCodec<BigDecimal> DECIMAL =
      new ValueCodec<>() {
        @Override
        public BigDecimal read(JsonNode node) throws BindException {
          if (node.isNumber()) {
            return node.decimalValue();
          }
          if (node.isTextual()) {
            try {
              return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
              throw new BindException(DecodeError.Kind.BAD_VALUE, "not a decimal: " + ValueCodec.describe(node));
            }
          }
          throw ValueCodec.wrongType("a decimal number", node);
        }

        @Override
        public void write(BigDecimal value, JsonGenerator out) throws IOException {
          out.writeNumber(value);
        }
      };

  static final ValueCodec<Boolean> BOOLEAN =
      new ValueCodec<>() {
        @Override
        public Boolean read(JsonNode node) throws BindException {
          if (node.isBoolean()) {
            return node.booleanValue();
          }
          if (node.isIntegralNumber() && (node.longValue() == 0 || node.longValue() == 1)) {
            return node.longValue() == 1;
          }
          if (node.isTextual()) {
            String t = node.textValue().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
              return true;
            }
            if (t.equals("false")) {
              return false;
            }
          }
          throw ValueCodec.wrongType("a boolean", node);
        }

        @Override
        public void write(Boolean value, JsonGenerator out) throws IOException {
          out.writeBoolean(value);
        }
      };

  static final ValueCodec<CfxTimestamp> TIMESTAMP =
      new ValueCodec<>() {
        @Override
        public CfxTimestamp read(JsonNode node) throws BindException {
          if (!node.isTextual()) {
            throw ValueCodec.wrongType("a date-time string", node);
          }
          try {
            return CfxTimestamp.parse(node.textValue());
          } catch (IllegalArgumentException e) {
            throw new BindException(DecodeError.Kind.BAD_VALUE, e.getMessage());
          }
        }

        @Override
        public void write(CfxTimestamp value, JsonGenerator out) throws IOException {
          out.writeString(value.text());
        }
      };

  static final ValueCodec<CfxDuration> DURATION =
      new ValueCodec<>() {
        @Override
        public CfxDuration read(JsonNode node) throws BindException {
          if (!node.isTextual()) {
            throw ValueCodec.wrongType("a time-span string", node);
          }
          try {
            return CfxDuration.parse(node.textValue());
          } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BindException(DecodeError.Kind.BAD_VALUE, e.getMessage());
          }
        }

        @Override
        public void write(CfxDuration value, JsonGenerator out) throws IOException {
          out.writeString(value.text());
        }
      };

  static final ValueCodec<JsonNode> TREE =
      new ValueCodec<>() {
        @Override
        public JsonNode read(JsonNode node) {
          return node;
        }

        @Override
        public void write(JsonNode value, JsonGenerator out) throws IOException {
          out.writeTree(value);
        }
      };

  private static long readLong(JsonNode node, String expected) throws BindException {
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        throw new BindException(DecodeError.Kind.BAD_VALUE, "integer " + node.asText() + " is outside the 64-bit range");
      }
      return node.longValue();
    }
    if (node.isNumber()) {
      double d = node.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
        return (long) d;
      }
      throw new BindException(DecodeError.Kind.BAD_VALUE, "expected " + expected + ", found the fraction " + node.asText());
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.textValue().trim());
      } catch (NumberFormatException e) {
        throw new BindException(DecodeError.Kind.BAD_VALUE, "expected " + expected + ", found " + ValueCodec.describe(node));
      }
    }
    throw ValueCodec.wrongType(expected, node);
  }
}
