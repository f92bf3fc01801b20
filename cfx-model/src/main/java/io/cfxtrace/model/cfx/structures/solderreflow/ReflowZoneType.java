package io.cfxtrace.model.cfx.structures.solderreflow;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SolderReflow.ReflowZoneType}: the reflow zone type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ReflowZoneType implements CfxEnum {
  /** {@code PreHeat} = 0. */
  PRE_HEAT("PreHeat", 0),
  /** {@code Soak} = 1. */
  SOAK("Soak", 1),
  /** {@code Reflow} = 2. */
  REFLOW("Reflow", 2),
  /** {@code Cool} = 3. */
  COOL("Cool", 3),
  /** {@code Prepare} = 4. Since CFX 2.1. */
  PREPARE("Prepare", 4),
  /** {@code Vacuum} = 5. Since CFX 2.1. */
  VACUUM("Vacuum", 5);

  private final String wireName;
  private final int code;

  ReflowZoneType(String wireName, int code) {
    this.wireName = wireName;
    this.code = code;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  @Override
  public int code() {
    return code;
  }
}
