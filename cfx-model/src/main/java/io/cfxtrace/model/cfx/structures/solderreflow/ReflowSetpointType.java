package io.cfxtrace.model.cfx.structures.solderreflow;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SolderReflow.ReflowSetpointType}: the reflow setpoint type
 * values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ReflowSetpointType implements CfxEnum {
  /** {@code Temperature} = 0. */
  TEMPERATURE("Temperature", 0),
  /** {@code O2} = 1. */
  O2("O2", 1),
  /** {@code Vacuum} = 2. */
  VACUUM("Vacuum", 2),
  /** {@code VacuumHoldTime} = 3. */
  VACUUM_HOLD_TIME("VacuumHoldTime", 3),
  /** {@code HoldTime} = 4. Since CFX 2.1. */
  HOLD_TIME("HoldTime", 4),
  /** {@code PowerLevel} = 5. Since CFX 2.1. */
  POWER_LEVEL("PowerLevel", 5),
  /** {@code Level} = 6. Since CFX 2.1. */
  LEVEL("Level", 6),
  /** {@code Position} = 7. Since CFX 2.1. */
  POSITION("Position", 7),
  /** {@code Slope} = 8. Since CFX 2.1. */
  SLOPE("Slope", 8);

  private final String wireName;
  private final int code;

  ReflowSetpointType(String wireName, int code) {
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
