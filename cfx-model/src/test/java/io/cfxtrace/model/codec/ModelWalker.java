package io.cfxtrace.model.codec;

import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.registry.CfxRegistry;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * finds what a decoded typed message did not model: unknown members kept in extensions, and
 * structures left generic although their {@code $type} is in the registry.
 */
final class ModelWalker {

  private ModelWalker() {}

  static List<String> unmodelled(CfxRecord root) {
    List<String> out = new ArrayList<>();
    walk(root, "$.MessageBody", out);
    return out;
  }

  private static void walk(Object value, String path, List<String> out) {
    if (value instanceof UnknownStructure u) {
      if (CfxRegistry.get().type(u.typeName()).isPresent()) {
        out.add(path + ": modelled $type " + u.typeName() + " left generic");
      } else if (u.typeName().isEmpty()) {
        out.add(path + ": structure without $type in an abstract family, members " + u.extensions().keySet());
      }
      return;
    }
    if (value instanceof CfxRecord r && value.getClass().isRecord()) {
      for (String key : r.extensions().keySet()) {
        if (!key.equals("$type")) { // a non-canonical $type text, kept verbatim on purpose
          out.add(path + "." + key + ": unknown member");
        }
      }
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        if (c.getName().equals("extensions")) {
          continue;
        }
        try {
          Object v = c.getAccessor().invoke(value);
          if (v != null) {
            walk(v, path + "." + c.getName(), out);
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) != null) {
          walk(list.get(i), path + "[" + i + "]", out);
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() != null) {
          walk(e.getValue(), path + "." + e.getKey(), out);
        }
      }
    }
  }
}
