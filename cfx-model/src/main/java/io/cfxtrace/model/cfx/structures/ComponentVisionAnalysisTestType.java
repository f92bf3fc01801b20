package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ComponentVisionAnalysisTestType}: the component vision
 * analysis test type values. Since CFX 2.1.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ComponentVisionAnalysisTestType implements CfxEnum {
  /** {@code Unkwnown} = 0. */
  UNKWNOWN("Unkwnown", 0),
  /** {@code BeforePickup} = 1. */
  BEFORE_PICKUP("BeforePickup", 1),
  /** {@code AfterPickup} = 2. */
  AFTER_PICKUP("AfterPickup", 2),
  /** {@code AfterElectricalTest} = 3. */
  AFTER_ELECTRICAL_TEST("AfterElectricalTest", 3);

  private final String wireName;
  private final int code;

  ComponentVisionAnalysisTestType(String wireName, int code) {
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
