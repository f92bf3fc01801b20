package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.TestMethod}: the test method values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum TestMethod implements CfxEnum {
  /** {@code Human} = 0. */
  HUMAN("Human", 0),
  /** {@code Automated} = 1. */
  AUTOMATED("Automated", 1),
  /** {@code ICT} = 2. */
  ICT("ICT", 2),
  /** {@code FPT} = 3. */
  FPT("FPT", 3),
  /** {@code FCT} = 4. */
  FCT("FCT", 4),
  /** {@code BST} = 5. */
  BST("BST", 5);

  private final String wireName;
  private final int code;

  TestMethod(String wireName, int code) {
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
