package io.cfxtrace.model.codec;

import org.jspecify.annotations.Nullable;

/**
 * a position in a JSON document, built as a linked list while binding and rendered only when an
 * error needs it ({@code $.MessageBody.Units[1].X}).
 */
final class JsonPath {

  static final JsonPath ROOT = new JsonPath(null, null, -1);

  private final @Nullable JsonPath parent;
  private final @Nullable String member;
  private final int index;

  private JsonPath(@Nullable JsonPath parent, @Nullable String member, int index) {
    this.parent = parent;
    this.member = member;
    this.index = index;
  }

  static JsonPath index(int index) {
    return ROOT.at(index);
  }

  JsonPath member(String name) {
    return new JsonPath(this, name, -1);
  }

  JsonPath at(int i) {
    return new JsonPath(this, null, i);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    render(b);
    return b.toString();
  }

  private void render(StringBuilder b) {
    if (parent == null) {
      b.append('$');
      return;
    }
    parent.render(b);
    if (member == null) {
      b.append('[').append(index).append(']');
    } else if (isPlain(member)) {
      b.append('.').append(member);
    } else {
      b.append("['").append(member.replace("\\", "\\\\").replace("'", "\\'")).append("']");
    }
  }

  private static boolean isPlain(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || (c == '$' && i == 0))) {
        return false;
      }
    }
    return true;
  }
}
