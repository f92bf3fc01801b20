package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.FaultSeverity}: the fault severity values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum FaultSeverity implements CfxEnum {
  /** {@code Information} = 0. */
  INFORMATION("Information", 0),
  /** {@code Warning} = 1. */
  WARNING("Warning", 1),
  /** {@code Error} = 2. */
  ERROR("Error", 2),
  /** {@code Alarm} = 3. */
  ALARM("Alarm", 3);

  private final String wireName;
  private final int code;

  FaultSeverity(String wireName, int code) {
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
