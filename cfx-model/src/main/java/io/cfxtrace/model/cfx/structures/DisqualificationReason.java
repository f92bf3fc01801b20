package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.DisqualificationReason}: the disqualification reason
 * values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum DisqualificationReason implements CfxEnum {
  /** {@code DefectiveRepairNotPossible} = 0. */
  DEFECTIVE_REPAIR_NOT_POSSIBLE("DefectiveRepairNotPossible", 0),
  /** {@code DefectiveRepairNotFeasible} = 1. */
  DEFECTIVE_REPAIR_NOT_FEASIBLE("DefectiveRepairNotFeasible", 1),
  /** {@code DefectiveMaterials} = 2. */
  DEFECTIVE_MATERIALS("DefectiveMaterials", 2);

  private final String wireName;
  private final int code;

  DisqualificationReason(String wireName, int code) {
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
