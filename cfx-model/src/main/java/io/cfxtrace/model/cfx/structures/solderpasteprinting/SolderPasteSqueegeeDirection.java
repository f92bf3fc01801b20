package io.cfxtrace.model.cfx.structures.solderpasteprinting;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SolderPastePrinting.SolderPasteSqueegeeDirection}: the
 * solder paste squeegee direction values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum SolderPasteSqueegeeDirection implements CfxEnum {
  /** {@code forward} = 0. */
  FORWARD("forward", 0),
  /** {@code backward} = 1. */
  BACKWARD("backward", 1);

  private final String wireName;
  private final int code;

  SolderPasteSqueegeeDirection(String wireName, int code) {
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
