package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.UninstalledReason}: the uninstalled reason values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum UninstalledReason implements CfxEnum {
  /** {@code DefectiveMaterial} = 0. */
  DEFECTIVE_MATERIAL("DefectiveMaterial", 0),
  /** {@code DefectiveInstallation} = 1. */
  DEFECTIVE_INSTALLATION("DefectiveInstallation", 1),
  /** {@code IncorrectMaterial} = 2. */
  INCORRECT_MATERIAL("IncorrectMaterial", 2),
  /** {@code Other} = 3. */
  OTHER("Other", 3);

  private final String wireName;
  private final int code;

  UninstalledReason(String wireName, int code) {
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
