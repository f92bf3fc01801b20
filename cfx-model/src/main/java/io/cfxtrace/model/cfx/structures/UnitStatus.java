package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.UnitStatus}: the unit status values. Since CFX 1.5.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum UnitStatus implements CfxEnum {
  /** {@code Pass} = 0. */
  PASS("Pass", 0),
  /** {@code Fail} = 1. */
  FAIL("Fail", 1),
  /** {@code Scrap} = 2. */
  SCRAP("Scrap", 2),
  /** {@code Skip} = 3. Since CFX 1.6. */
  SKIP("Skip", 3);

  private final String wireName;
  private final int code;

  UnitStatus(String wireName, int code) {
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
