package io.cfxtrace.model.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * the value of a CFX enum member: a known constant, or a value this version does not know.
 *
 * <p>Newer CFX versions add enum members, and older firmware writes names or integers: a
 * receiver that failed on an unknown member, or mapped it to a default, would lose data. An
 * unknown value is therefore kept as its JSON text and written back unchanged. A known value
 * that was read from the wire remembers its wire form too (a name in other letter case, an
 * integer where the SDK writes a name), so that re-encoding a received message reproduces it.
 *
 * @param <E> the CFX enum type.
 */
public final class EnumValue<E extends Enum<E> & CfxEnum> {

  private final @Nullable E known;
  private final @Nullable JsonNode wire;

  private EnumValue(@Nullable E known, @Nullable JsonNode wire) {
    this.known = known;
    this.wire = wire;
  }

  /**
   * a known value, written in the SDK's form.
   *
   * @param value the constant.
   * @param <E> the enum type.
   * @return the value.
   */
  public static <E extends Enum<E> & CfxEnum> EnumValue<E> of(E value) {
    return new EnumValue<>(Objects.requireNonNull(value, "value"), null);
  }

  /**
   * a known value as read from the wire, re-encoded exactly as it was read.
   *
   * @param value the constant it denotes.
   * @param wire the JSON value it was read from.
   * @param <E> the enum type.
   * @return the value.
   */
  public static <E extends Enum<E> & CfxEnum> EnumValue<E> read(E value, JsonNode wire) {
    return new EnumValue<>(Objects.requireNonNull(value, "value"), Objects.requireNonNull(wire));
  }

  /**
   * a value that no constant of the enum denotes, kept as read.
   *
   * @param wire the JSON value (a string or a number).
   * @param <E> the enum type.
   * @return the value.
   */
  public static <E extends Enum<E> & CfxEnum> EnumValue<E> unknown(JsonNode wire) {
    return new EnumValue<>(null, Objects.requireNonNull(wire, "wire"));
  }

  /**
   * the constant, when this version knows the value.
   *
   * @return the constant, or empty for an unknown value.
   */
  public Optional<E> known() {
    return Optional.ofNullable(known);
  }

  /**
   * whether this is the given constant.
   *
   * @param value a constant.
   * @return true if this value is known and equal to {@code value}.
   */
  public boolean is(E value) {
    return known == value;
  }

  /**
   * the JSON value this was read from, if it was read from the wire.
   *
   * @return the wire value, or empty for a value made in code.
   */
  public Optional<JsonNode> wire() {
    return Optional.ofNullable(wire);
  }

  /**
   * a readable form: the constant's wire name, or the unknown value's text.
   *
   * @return the text.
   */
  public String text() {
    if (known != null) {
      return known.wireName();
    }
    return Objects.requireNonNull(wire).asText();
  }

  /** Two values are equal when they denote the same constant, or the same unknown text. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EnumValue<?> other)) {
      return false;
    }
    if (known != null || other.known != null) {
      return known == other.known;
    }
    return Objects.equals(wire, other.wire);
  }

  @Override
  public int hashCode() {
    return known != null ? known.hashCode() : Objects.hashCode(wire);
  }

  @Override
  public String toString() {
    return known != null ? known.wireName() : "unknown(" + wire + ")";
  }
}
