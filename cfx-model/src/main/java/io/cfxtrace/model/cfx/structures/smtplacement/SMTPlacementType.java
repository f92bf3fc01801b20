package io.cfxtrace.model.cfx.structures.smtplacement;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SMTPlacement.SMTPlacementType}: the SMT placement type
 * values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum SMTPlacementType implements CfxEnum {
  /** {@code Manual} = 0. */
  MANUAL("Manual", 0),
  /** {@code StepByStep} = 1. */
  STEP_BY_STEP("StepByStep", 1),
  /** {@code Automatic} = 2. */
  AUTOMATIC("Automatic", 2);

  private final String wireName;
  private final int code;

  SMTPlacementType(String wireName, int code) {
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
