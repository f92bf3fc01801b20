package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.MSDState}: the MSD state values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum MSDState implements CfxEnum {
  /** {@code Unspecified} = 0. */
  UNSPECIFIED("Unspecified", 0),
  /** {@code NeverOpened} = 1. */
  NEVER_OPENED("NeverOpened", 1),
  /** {@code Exposed} = 2. */
  EXPOSED("Exposed", 2),
  /** {@code InDryStorage} = 3. */
  IN_DRY_STORAGE("InDryStorage", 3),
  /** {@code Expired} = 4. */
  EXPIRED("Expired", 4);

  private final String wireName;
  private final int code;

  MSDState(String wireName, int code) {
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
