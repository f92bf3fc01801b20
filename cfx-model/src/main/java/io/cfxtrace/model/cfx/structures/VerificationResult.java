package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.VerificationResult}: the verification result values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum VerificationResult implements CfxEnum {
  /** {@code NotVerifiedYet} = 0. */
  NOT_VERIFIED_YET("NotVerifiedYet", 0),
  /** {@code DefectConfirmed} = 1. */
  DEFECT_CONFIRMED("DefectConfirmed", 1),
  /** {@code DefectRejected} = 2. */
  DEFECT_REJECTED("DefectRejected", 2),
  /** {@code DefectAccepted} = 3. Since CFX 1.5. */
  DEFECT_ACCEPTED("DefectAccepted", 3),
  /** {@code DefectRepaired} = 4. Since CFX 1.5. */
  DEFECT_REPAIRED("DefectRepaired", 4),
  /** {@code DefectClosed} = 5. Since CFX 1.5. */
  DEFECT_CLOSED("DefectClosed", 5);

  private final String wireName;
  private final int code;

  VerificationResult(String wireName, int code) {
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
