package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.Surface}: the surface values. Since CFX 1.3.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum Surface implements CfxEnum {
  /** {@code Unspecified} = 0. */
  UNSPECIFIED("Unspecified", 0),
  /** {@code PrimarySurface} = 1. */
  PRIMARY_SURFACE("PrimarySurface", 1),
  /** {@code SecondarySurface} = 2. */
  SECONDARY_SURFACE("SecondarySurface", 2);

  private final String wireName;
  private final int code;

  Surface(String wireName, int code) {
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
