package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.MSDLevel}: the MSD level values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum MSDLevel implements CfxEnum {
  /** {@code Unspecified} = 0. */
  UNSPECIFIED("Unspecified", 0),
  /** {@code MSL1} = 1. */
  MSL1("MSL1", 1),
  /** {@code MSL2} = 2. */
  MSL2("MSL2", 2),
  /** {@code MSL2A} = 3. */
  MSL2A("MSL2A", 3),
  /** {@code MSL3} = 4. */
  MSL3("MSL3", 4),
  /** {@code MSL4} = 5. */
  MSL4("MSL4", 5),
  /** {@code MSL5} = 6. */
  MSL5("MSL5", 6),
  /** {@code MSL5A} = 7. */
  MSL5A("MSL5A", 7),
  /** {@code MSL6} = 8. */
  MSL6("MSL6", 8);

  private final String wireName;
  private final int code;

  MSDLevel(String wireName, int code) {
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
