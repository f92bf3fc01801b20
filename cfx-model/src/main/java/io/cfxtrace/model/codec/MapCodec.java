package io.cfxtrace.model.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** a JSON object used as a .NET dictionary, as an unmodifiable order-keeping map. */
final class MapCodec<V> implements ValueCodec<Map<String, V>> {

  private final ValueCodec<V> value;

  MapCodec(ValueCodec<V> value) {
    this.value = value;
  }

  @Override
  public Map<String, V> read(JsonNode node) throws BindException {
    if (!node.isObject()) {
      throw ValueCodec.wrongType("an object (dictionary)", node);
    }
    Map<String, V> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull()) {
        out.put(e.getKey(), null);
      } else {
        try {
          out.put(e.getKey(), value.read(v));
        } catch (BindException ex) {
          throw ex.atMember(e.getKey());
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public void write(Map<String, V> map, JsonGenerator out) throws IOException {
    out.writeStartObject();
    for (Map.Entry<String, V> e : map.entrySet()) {
      out.writeFieldName(e.getKey());
      if (e.getValue() == null) {
        out.writeNull();
      } else {
        value.write(e.getValue(), out);
      }
    }
    out.writeEndObject();
  }
}
