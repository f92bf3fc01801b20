package io.cfxtrace.model.cfx.structures.smtplacement;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SMTPlacement.SMTHeadType}: the SMT head type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum SMTHeadType implements CfxEnum {
  /** {@code Turret} = 0. */
  TURRET("Turret", 0),
  /** {@code Pulsar} = 1. */
  PULSAR("Pulsar", 1);

  private final String wireName;
  private final int code;

  SMTHeadType(String wireName, int code) {
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
