package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ValueAddType}: the value add type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ValueAddType implements CfxEnum {
  /** {@code RealValueAdd} = 0. */
  REAL_VALUE_ADD("RealValueAdd", 0),
  /** {@code BusinessValueAdd} = 1. */
  BUSINESS_VALUE_ADD("BusinessValueAdd", 1),
  /** {@code NonValueAdd} = 2. */
  NON_VALUE_ADD("NonValueAdd", 2);

  private final String wireName;
  private final int code;

  ValueAddType(String wireName, int code) {
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
