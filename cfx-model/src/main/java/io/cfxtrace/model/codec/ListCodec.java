package io.cfxtrace.model.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** a JSON array as an unmodifiable list; null elements are kept. */
final class ListCodec<T> implements ValueCodec<List<T>> {

  private final ValueCodec<T> element;

  ListCodec(ValueCodec<T> element) {
    this.element = element;
  }

  @Override
  public List<T> read(JsonNode node) throws BindException {
    if (!node.isArray()) {
      throw ValueCodec.wrongType("an array", node);
    }
    List<T> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (item.isNull()) {
        out.add(null);
      } else {
        try {
          out.add(element.read(item));
        } catch (BindException e) {
          throw e.atIndex(i);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public List<T> read(JsonParser p) throws BindException, IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      return read((JsonNode) p.readValueAsTree());
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        out.add(null);
      } else {
        try {
          out.add(element.read(p));
        } catch (BindException e) {
          throw e.atIndex(i);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public void write(List<T> value, JsonGenerator out) throws IOException {
    out.writeStartArray();
    for (T item : value) {
      if (item == null) {
        out.writeNull();
      } else {
        element.write(item, out);
      }
    }
    out.writeEndArray();
  }
}
