package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.FileTransferMode}: the file transfer mode values. Since CFX
 * 1.4.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum FileTransferMode implements CfxEnum {
  /** {@code InBand} = 0. */
  IN_BAND("InBand", 0),
  /** {@code OutOfBand} = 1. */
  OUT_OF_BAND("OutOfBand", 1);

  private final String wireName;
  private final int code;

  FileTransferMode(String wireName, int code) {
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
