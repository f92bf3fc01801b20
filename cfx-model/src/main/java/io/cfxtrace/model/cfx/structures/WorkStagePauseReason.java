package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.WorkStagePauseReason}: the work stage pause reason values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum WorkStagePauseReason implements CfxEnum {
  /** {@code Unknown} = 0. */
  UNKNOWN("Unknown", 0),
  /** {@code MaterialMissing} = 1. */
  MATERIAL_MISSING("MaterialMissing", 1),
  /** {@code NozzleMissing} = 2. */
  NOZZLE_MISSING("NozzleMissing", 2),
  /** {@code WaitingForPreviousStageConveying} = 3. */
  WAITING_FOR_PREVIOUS_STAGE_CONVEYING("WaitingForPreviousStageConveying", 3),
  /** {@code WaitingForNextStageConveying} = 4. */
  WAITING_FOR_NEXT_STAGE_CONVEYING("WaitingForNextStageConveying", 4),
  /** {@code ManualAlignmentNeeded} = 5. */
  MANUAL_ALIGNMENT_NEEDED("ManualAlignmentNeeded", 5),
  /** {@code MaterialInstalledConfirmationNeeded} = 6. */
  MATERIAL_INSTALLED_CONFIRMATION_NEEDED("MaterialInstalledConfirmationNeeded", 6),
  /** {@code ManualBarcodeFillingNeeded} = 7. */
  MANUAL_BARCODE_FILLING_NEEDED("ManualBarcodeFillingNeeded", 7),
  /** {@code InformationMessageConfirmation} = 8. */
  INFORMATION_MESSAGE_CONFIRMATION("InformationMessageConfirmation", 8),
  /** {@code ProductionStoppedByOperator} = 9. Since CFX 1.2. */
  PRODUCTION_STOPPED_BY_OPERATOR("ProductionStoppedByOperator", 9);

  private final String wireName;
  private final int code;

  WorkStagePauseReason(String wireName, int code) {
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
