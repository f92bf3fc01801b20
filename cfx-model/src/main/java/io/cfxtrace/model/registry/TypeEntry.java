package io.cfxtrace.model.registry;

import io.cfxtrace.model.CfxRecord;
import java.util.Objects;

/**
 * a .NET type name of the CFX data model bound to its record class; the closed table behind
 * {@code $type} (never resolved with {@code Class.forName}).
 *
 * @param name the full .NET type name without assembly, for example {@code
 *     CFX.Structures.SolderReflow.ReflowProcessData}.
 * @param type the record class.
 */
public record TypeEntry(String name, Class<? extends CfxRecord> type) {

  /** checks both parts. */
  public TypeEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
