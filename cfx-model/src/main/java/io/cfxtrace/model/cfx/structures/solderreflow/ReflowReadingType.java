package io.cfxtrace.model.cfx.structures.solderreflow;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SolderReflow.ReflowReadingType}: the reflow reading type
 * values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ReflowReadingType implements CfxEnum {
  /** {@code Temperature} = 0. */
  TEMPERATURE("Temperature", 0),
  /** {@code O2} = 1. */
  O2("O2", 1),
  /** {@code Power} = 2. */
  POWER("Power", 2),
  /** {@code PowerLevel} = 3. */
  POWER_LEVEL("PowerLevel", 3),
  /** {@code Vacuum} = 4. */
  VACUUM("Vacuum", 4),
  /** {@code VacuumHoldTime} = 5. */
  VACUUM_HOLD_TIME("VacuumHoldTime", 5),
  /** {@code ConvectionRate} = 6. */
  CONVECTION_RATE("ConvectionRate", 6),
  /** {@code HoldTime} = 7. Since CFX 2.1. */
  HOLD_TIME("HoldTime", 7);

  private final String wireName;
  private final int code;

  ReflowReadingType(String wireName, int code) {
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
