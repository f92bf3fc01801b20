package io.cfxtrace.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * a compose file read twice: as plain values (merge keys {@code <<} applied, as compose does) and
 * as a node tree that remembers where each value stands, so that every check can name the line.
 *
 * @param name how messages name the file, for example {@code docker/compose.yaml}.
 * @param document the values.
 * @param root the node tree.
 */
record ComposeFile(String name, Map<String, Object> document, Node root) {

  /**
   * reads a file.
   *
   * @param file the compose file.
   * @param name how messages name it.
   * @return the parsed file.
   */
  static ComposeFile load(Path file, String name) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * parses text.
   *
   * @param text YAML text.
   * @param name how messages name it.
   * @return the parsed file.
   */
  static ComposeFile parse(String text, String name) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    Object values = yaml.load(text);
    if (!(values instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(name + " is not a YAML mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) map;
    return new ComposeFile(name, document, new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(text)));
  }

  /** the services by name. */
  Map<String, Map<String, Object>> services() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    map(document.get("services")).forEach((k, v) -> out.put(k, map(v)));
    return out;
  }

  /**
   * a service's environment, in either of compose's two forms (mapping, or list of {@code K=V}).
   *
   * @param service the service.
   * @return variable to raw (not interpolated) value; a variable without value maps to "".
   */
  Map<String, String> environment(String service) {
    Object env = services().get(service).get("environment");
    Map<String, String> out = new LinkedHashMap<>();
    if (env instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (env instanceof List<?> list) {
      for (Object item : list) {
        String s = String.valueOf(item);
        int eq = s.indexOf('=');
        out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
      }
    }
    return out;
  }

  /**
   * a string list in either form (a YAML list, or one string as for {@code command}).
   *
   * @param value the value.
   * @return the strings.
   */
  static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  /**
   * a mapping value, or an empty one.
   *
   * @param value the value.
   * @return the mapping.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /**
   * where a value stands, for messages: {@code docker/compose.yaml:97 (services.ingest.ports[0])}.
   *
   * @param path mapping keys (String) and list indexes (Integer) from the top.
   * @return the file, the line of the deepest node the path reaches, and the path.
   */
  String where(Object... path) {
    return name + ":" + line(path) + " (" + dotted(List.of(path)) + ")";
  }

  /**
   * the 1-based line of the deepest node the path reaches; merge keys are followed.
   *
   * @param path mapping keys and list indexes.
   * @return the line.
   */
  int line(Object... path) {
    Node node = root;
    int line = root.getStartMark().getLine() + 1;
    for (Object step : path) {
      Node[] next = step(node, step);
      if (next == null) {
        break;
      }
      line = next[0].getStartMark().getLine() + 1;
      node = next[1];
    }
    return line;
  }

  /** {key node (or item), value node} one step down, or null where the path leaves the tree. */
  private static Node[] step(Node node, Object step) {
    if (node instanceof MappingNode m) {
      List<Node> merged = new ArrayList<>();
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          if (k.getValue().equals(String.valueOf(step))) {
            return new Node[] {k, t.getValueNode()};
          }
          if (k.getValue().equals("<<")) {
            merged.add(t.getValueNode());
          }
        }
      }
      for (Node source : merged) {
        Node[] found = step(source, step);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (node instanceof SequenceNode s) {
      if (step instanceof Integer i && i < s.getValue().size()) {
        return new Node[] {s.getValue().get(i), s.getValue().get(i)};
      }
      // environment in list form: the item "NAME=value"
      for (Node item : s.getValue()) {
        if (item instanceof ScalarNode v && (v.getValue().equals(String.valueOf(step)) || v.getValue().startsWith(step + "="))) {
          return new Node[] {item, item};
        }
      }
    }
    return null;
  }

  /**
   * a path as text: {@code services.ingest.ports[0]}.
   *
   * @param path keys and indexes.
   * @return the text.
   */
  static String dotted(List<?> path) {
    return path.stream()
        .map(p -> p instanceof Integer i ? "[" + i + "]" : "." + p)
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
