package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ProcessingResult}: the processing result values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ProcessingResult implements CfxEnum {
  /** {@code Succeeded} = 0. */
  SUCCEEDED("Succeeded", 0),
  /** {@code Failed} = 1. */
  FAILED("Failed", 1),
  /** {@code Error} = 2. */
  ERROR("Error", 2),
  /** {@code Aborted} = 3. */
  ABORTED("Aborted", 3),
  /** {@code Skipped} = 4. Since CFX 1.4. */
  SKIPPED("Skipped", 4);

  private final String wireName;
  private final int code;

  ProcessingResult(String wireName, int code) {
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
