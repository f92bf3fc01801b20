package io.cfxtrace.model.codec;

import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.registry.CfxRegistry;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** the wire names of a record's {@link LegacyText} components. */
  private static Set<String> legacyTextMembers(Class<?> type) {
    Set<String> names = new HashSet<>();
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.isAnnotationPresent(LegacyText.class)) {
        WireName w = c.getAnnotation(WireName.class);
        names.add(w != null ? w.value() : Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1));
      }
    }
    return names;
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
      Set<String> legacyText = legacyTextMembers(value.getClass());
      for (String key : r.extensions().keySet()) {
        // a non-canonical $type text, and the text of a LegacyText member, are kept verbatim on purpose
        if (!key.equals("$type") && !legacyText.contains(key)) {
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
