package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.HazardousMaterialType}: the hazardous material type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum HazardousMaterialType implements CfxEnum {
  /** {@code NotHazardous} = 0. */
  NOT_HAZARDOUS("NotHazardous", 0),
  /** {@code Hazardous} = 1. */
  HAZARDOUS("Hazardous", 1),
  /** {@code RoHS} = 2. */
  RO_HS("RoHS", 2);

  private final String wireName;
  private final int code;

  HazardousMaterialType(String wireName, int code) {
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
