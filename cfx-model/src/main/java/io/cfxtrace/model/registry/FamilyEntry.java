package io.cfxtrace.model.registry;

import io.cfxtrace.model.CfxRecord;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * a polymorphic CFX structure: a Java interface standing for a .NET base class whose subclasses
 * are told apart on the wire by {@code $type}.
 *
 * @param family the interface that record components of this type are declared with.
 * @param baseRecord the record decoded when {@code $type} is absent, when the .NET base class is
 *     concrete; null when it is abstract.
 */
public record FamilyEntry(
    Class<? extends CfxRecord> family, @Nullable Class<? extends CfxRecord> baseRecord) {

  /** checks the family. */
  public FamilyEntry {
    Objects.requireNonNull(family, "family");
  }

  /**
   * the record decoded when the JSON has no {@code $type}.
   *
   * @return the base record, or empty when the .NET base class is abstract.
   */
  public Optional<Class<? extends CfxRecord>> base() {
    return Optional.ofNullable(baseRecord);
  }
}
