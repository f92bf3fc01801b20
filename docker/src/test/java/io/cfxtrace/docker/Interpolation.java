package io.cfxtrace.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * a compose value split into literal text and variable references, following the Compose
 * Specification's interpolation rules: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+other}},
 * {@code ${VAR+other}}, and {@code $$} for a literal dollar sign.
 *
 * @param parts the value in order.
 */
record Interpolation(List<Part> parts) {

  /** a piece of a value. */
  sealed interface Part permits Literal, Reference {}

  /**
   * literal text.
   *
   * @param text the text, with {@code $$} already turned into {@code $}.
   */
  record Literal(String text) implements Part {}

  /**
   * a variable reference.
   *
   * @param name the variable.
   * @param operator {@code ""} (plain), {@code ":-"}, {@code "-"}, {@code ":?"}, {@code "?"},
   *     {@code ":+"} or {@code "+"}.
   * @param argument the default, error message or alternative, empty for a plain reference.
   */
  record Reference(String name, String operator, String argument) implements Part {

    /** whether compose refuses to start when the variable is unset (or empty, for {@code :?}). */
    boolean required() {
      return operator.equals(":?") || operator.equals("?");
    }
  }

  /**
   * parses a value.
   *
   * @param value the text from the compose file.
   * @return its parts.
   * @throws IllegalArgumentException for an unterminated {@code ${}.
   */
  static Interpolation parse(String value) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c != '$' || i + 1 == value.length()) {
        literal.append(c);
        i++;
        continue;
      }
      char next = value.charAt(i + 1);
      if (next == '$') {
        literal.append('$');
        i += 2;
      } else if (next == '{') {
        int end = value.indexOf('}', i + 2);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated ${ in \"" + value + "\"");
        }
        flush(literal, parts);
        parts.add(reference(value.substring(i + 2, end)));
        i = end + 1;
      } else if (Character.isLetter(next) || next == '_') {
        int end = i + 1;
        while (end < value.length() && (Character.isLetterOrDigit(value.charAt(end)) || value.charAt(end) == '_')) {
          end++;
        }
        flush(literal, parts);
        parts.add(new Reference(value.substring(i + 1, end), "", ""));
        i = end;
      } else {
        literal.append(c);
        i++;
      }
    }
    flush(literal, parts);
    return new Interpolation(List.copyOf(parts));
  }

  private static Reference reference(String body) {
    int end = 0;
    while (end < body.length() && (Character.isLetterOrDigit(body.charAt(end)) || body.charAt(end) == '_')) {
      end++;
    }
    String name = body.substring(0, end);
    String rest = body.substring(end);
    for (String op : new String[] {":-", ":?", ":+", "-", "?", "+"}) {
      if (rest.startsWith(op)) {
        return new Reference(name, op, rest.substring(op.length()));
      }
    }
    if (!rest.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException("not a variable reference: ${" + body + "}");
    }
    return new Reference(name, "", "");
  }

  private static void flush(StringBuilder literal, List<Part> parts) {
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  /** whether the value has no variable reference at all. */
  boolean isLiteral() {
    return parts.stream().noneMatch(p -> p instanceof Reference);
  }

  /** whether the value is exactly one reference that compose requires to be set. */
  boolean isOneRequiredReference() {
    return parts.size() == 1 && parts.get(0) instanceof Reference r && r.required();
  }

  /** the references in order. */
  List<Reference> references() {
    return parts.stream().filter(Reference.class::isInstance).map(Reference.class::cast).toList();
  }

  /**
   * the value compose would use.
   *
   * @param variables the variables that are set.
   * @return the resolved text.
   * @throws IllegalStateException naming the variable when a required one is unset.
   */
  String resolve(Map<String, String> variables) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) {
        out.append(l.text());
      } else if (p instanceof Reference r) {
        String v = variables.get(r.name());
        boolean unset = v == null;
        boolean empty = unset || v.isEmpty();
        switch (r.operator()) {
          case ":-" -> out.append(empty ? r.argument() : v);
          case "-" -> out.append(unset ? r.argument() : v);
          case ":?", "?" -> {
            if (r.operator().equals(":?") ? empty : unset) {
              throw new IllegalStateException("variable " + r.name() + " is required: " + r.argument());
            }
            out.append(v);
          }
          case ":+" -> out.append(empty ? "" : r.argument());
          case "+" -> out.append(unset ? "" : r.argument());
          default -> out.append(unset ? "" : v);
        }
      }
    }
    return out.toString();
  }
}
