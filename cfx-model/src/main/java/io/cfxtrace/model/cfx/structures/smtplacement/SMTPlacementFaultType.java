package io.cfxtrace.model.cfx.structures.smtplacement;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SMTPlacement.SMTPlacementFaultType}: the SMT placement
 * fault type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum SMTPlacementFaultType implements CfxEnum {
  /** {@code VacuumError} = 0. */
  VACUUM_ERROR("VacuumError", 0),
  /** {@code XAxisError} = 1. */
  X_AXIS_ERROR("XAxisError", 1),
  /** {@code YAxisError} = 2. */
  Y_AXIS_ERROR("YAxisError", 2),
  /** {@code ZAxisError} = 3. */
  Z_AXIS_ERROR("ZAxisError", 3),
  /** {@code RecognitionError} = 4. */
  RECOGNITION_ERROR("RecognitionError", 4),
  /** {@code PickupError} = 5. */
  PICKUP_ERROR("PickupError", 5),
  /** {@code PlacementError} = 6. */
  PLACEMENT_ERROR("PlacementError", 6),
  /** {@code LightingError} = 7. */
  LIGHTING_ERROR("LightingError", 7),
  /** {@code HeadError} = 8. */
  HEAD_ERROR("HeadError", 8),
  /** {@code NozzleError} = 9. */
  NOZZLE_ERROR("NozzleError", 9),
  /** {@code ComponentDropped} = 10. */
  COMPONENT_DROPPED("ComponentDropped", 10),
  /** {@code PartsExhaust} = 11. */
  PARTS_EXHAUST("PartsExhaust", 11),
  /** {@code FiducialError} = 12. */
  FIDUCIAL_ERROR("FiducialError", 12),
  /** {@code PartsPartiallyExhaust} = 13. Since CFX 1.5. */
  PARTS_PARTIALLY_EXHAUST("PartsPartiallyExhaust", 13),
  /** {@code LowQuantity} = 14. Since CFX 1.5. */
  LOW_QUANTITY("LowQuantity", 14),
  /** {@code FeederError} = 15. Since CFX 1.5. */
  FEEDER_ERROR("FeederError", 15);

  private final String wireName;
  private final int code;

  SMTPlacementFaultType(String wireName, int code) {
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
