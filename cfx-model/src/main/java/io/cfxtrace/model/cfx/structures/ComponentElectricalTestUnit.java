package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ComponentElectricalTestUnit}: the component electrical test
 * unit values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ComponentElectricalTestUnit implements CfxEnum {
  /** {@code Unknown} = 0. */
  UNKNOWN("Unknown", 0),
  /** {@code Ohm} = 1. */
  OHM("Ohm", 1),
  /** {@code Farad} = 2. */
  FARAD("Farad", 2),
  /** {@code Henry} = 3. */
  HENRY("Henry", 3),
  /** {@code Volt} = 4. */
  VOLT("Volt", 4),
  /** {@code Hertz} = 5. */
  HERTZ("Hertz", 5),
  /** {@code Watt} = 6. */
  WATT("Watt", 6);

  private final String wireName;
  private final int code;

  ComponentElectricalTestUnit(String wireName, int code) {
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
