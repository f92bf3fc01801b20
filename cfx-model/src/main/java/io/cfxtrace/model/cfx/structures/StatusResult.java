package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.StatusResult}: the status result values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum StatusResult implements CfxEnum {
  /** {@code Success} = 0. */
  SUCCESS("Success", 0),
  /** {@code PartialSuccess} = 1. */
  PARTIAL_SUCCESS("PartialSuccess", 1),
  /** {@code Failed} = 2. */
  FAILED("Failed", 2),
  /** {@code Warning} = 3. */
  WARNING("Warning", 3);

  private final String wireName;
  private final int code;

  StatusResult(String wireName, int code) {
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
