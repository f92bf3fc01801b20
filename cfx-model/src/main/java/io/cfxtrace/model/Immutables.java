package io.cfxtrace.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * defensive copies for record components.
 *
 * <p>{@link List#copyOf} would reject the null elements that CFX arrays may legally hold, and
 * {@link Map#copyOf} loses member order, which round-trip fidelity needs.
 */
public final class Immutables {

  private Immutables() {}

  /**
   * an unmodifiable copy of a list that may contain nulls.
   *
   * @param list the list, or null for an absent member.
   * @param <T> element type.
   * @return null when {@code list} is null, otherwise an unmodifiable copy.
   */
  public static <T> @Nullable List<T> list(@Nullable List<T> list) {
    if (list == null) {
      return null;
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /**
   * an unmodifiable, order-keeping copy of a map.
   *
   * @param map the map, or null for an absent member.
   * @param <K> key type.
   * @param <V> value type.
   * @return null when {@code map} is null, otherwise an unmodifiable copy in the same order.
   */
  public static <K, V> @Nullable Map<K, V> map(@Nullable Map<K, V> map) {
    if (map == null) {
      return null;
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * the extensions of a record: never null, unmodifiable, in wire order.
   *
   * @param extensions the unknown members, or null for none.
   * @param <V> value type.
   * @return an unmodifiable copy, empty when {@code extensions} is null.
   */
  public static <V> Map<String, V> extensions(@Nullable Map<String, V> extensions) {
    if (extensions == null || extensions.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }
}
