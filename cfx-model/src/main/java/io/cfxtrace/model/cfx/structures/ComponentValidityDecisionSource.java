package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ComponentValidityDecisionSource}: the component validity
 * decision source values. Since CFX 2.1.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ComponentValidityDecisionSource implements CfxEnum {
  /** {@code Unkwnown} = 0. */
  UNKWNOWN("Unkwnown", 0),
  /** {@code Measurements} = 1. */
  MEASUREMENTS("Measurements", 1),
  /** {@code Algorithm} = 2. */
  ALGORITHM("Algorithm", 2),
  /** {@code Operator} = 3. */
  OPERATOR("Operator", 3);

  private final String wireName;
  private final int code;

  ComponentValidityDecisionSource(String wireName, int code) {
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
