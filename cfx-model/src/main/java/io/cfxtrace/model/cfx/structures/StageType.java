package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.StageType}: the stage type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum StageType implements CfxEnum {
  /** {@code Work} = 0. */
  WORK("Work", 0),
  /** {@code Buffer} = 1. */
  BUFFER("Buffer", 1);

  private final String wireName;
  private final int code;

  StageType(String wireName, int code) {
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
