package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.NonInstalledComponentLocation}: the non installed component
 * location values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum NonInstalledComponentLocation implements CfxEnum {
  /** {@code Lost} = 0. */
  LOST("Lost", 0),
  /** {@code MaterialCarrier} = 1. */
  MATERIAL_CARRIER("MaterialCarrier", 1),
  /** {@code RejectionBox} = 2. */
  REJECTION_BOX("RejectionBox", 2);

  private final String wireName;
  private final int code;

  NonInstalledComponentLocation(String wireName, int code) {
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
