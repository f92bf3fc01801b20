package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ValidationStatus}: the result of a validation of a unit.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ValidationStatus implements CfxEnum {
  /** {@code Passed} = 0. */
  PASSED("Passed", 0),
  /** {@code Failed} = 1. */
  FAILED("Failed", 1),
  /** {@code Skipped} = 2. Since CFX 1.4. */
  SKIPPED("Skipped", 2);

  private final String wireName;
  private final int code;

  ValidationStatus(String wireName, int code) {
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
