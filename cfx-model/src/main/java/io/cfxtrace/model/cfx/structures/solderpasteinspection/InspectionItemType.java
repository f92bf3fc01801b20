package io.cfxtrace.model.cfx.structures.solderpasteinspection;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SolderPasteInspection.InspectionItemType}: the inspection
 * item type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum InspectionItemType implements CfxEnum {
  /** {@code Unknown} = 0. */
  UNKNOWN("Unknown", 0),
  /** {@code General} = 1. */
  GENERAL("General", 1),
  /** {@code PCB} = 2. */
  PCB("PCB", 2),
  /** {@code Unit} = 3. */
  UNIT("Unit", 3),
  /** {@code Fiducial} = 4. */
  FIDUCIAL("Fiducial", 4),
  /** {@code Barcode} = 5. */
  BARCODE("Barcode", 5),
  /** {@code Component} = 6. */
  COMPONENT("Component", 6),
  /** {@code Pin} = 7. */
  PIN("Pin", 7),
  /** {@code Pad} = 8. */
  PAD("Pad", 8),
  /** {@code SolderDeposit} = 9. */
  SOLDER_DEPOSIT("SolderDeposit", 9);

  private final String wireName;
  private final int code;

  InspectionItemType(String wireName, int code) {
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
