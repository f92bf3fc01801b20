package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.RejectionReason}: the rejection reason values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum RejectionReason implements CfxEnum {
  /** {@code Unknown} = 0. */
  UNKNOWN("Unknown", 0),
  /** {@code MechanicalError} = 1. */
  MECHANICAL_ERROR("MechanicalError", 1),
  /** {@code ElectricalError} = 2. */
  ELECTRICAL_ERROR("ElectricalError", 2),
  /** {@code SoftwareError} = 3. */
  SOFTWARE_ERROR("SoftwareError", 3),
  /** {@code ExternalDeviceError} = 4. */
  EXTERNAL_DEVICE_ERROR("ExternalDeviceError", 4),
  /** {@code BadElectricalTest} = 5. */
  BAD_ELECTRICAL_TEST("BadElectricalTest", 5),
  /** {@code ErrorAfterPickUp} = 6. */
  ERROR_AFTER_PICK_UP("ErrorAfterPickUp", 6),
  /** {@code BadVisionTestAfterPickup} = 7. */
  BAD_VISION_TEST_AFTER_PICKUP("BadVisionTestAfterPickup", 7),
  /** {@code BadPressureTestAfterPickup} = 8. */
  BAD_PRESSURE_TEST_AFTER_PICKUP("BadPressureTestAfterPickup", 8),
  /** {@code BadOpticalTestAfterPickup} = 9. */
  BAD_OPTICAL_TEST_AFTER_PICKUP("BadOpticalTestAfterPickup", 9),
  /** {@code ErrorAfterPlacement} = 10. */
  ERROR_AFTER_PLACEMENT("ErrorAfterPlacement", 10),
  /** {@code BadVisionTestAfterPlacement} = 11. */
  BAD_VISION_TEST_AFTER_PLACEMENT("BadVisionTestAfterPlacement", 11),
  /** {@code BadPressureTestAfterPlacement} = 12. */
  BAD_PRESSURE_TEST_AFTER_PLACEMENT("BadPressureTestAfterPlacement", 12),
  /** {@code BadOpticalTestAfterPlacement} = 13. */
  BAD_OPTICAL_TEST_AFTER_PLACEMENT("BadOpticalTestAfterPlacement", 13),
  /** {@code BadVisionTestBeforePickup} = 14. Since CFX 1.4. */
  BAD_VISION_TEST_BEFORE_PICKUP("BadVisionTestBeforePickup", 14),
  /** {@code ErrorAfterElectricalTest} = 15. Since CFX 2.1. */
  ERROR_AFTER_ELECTRICAL_TEST("ErrorAfterElectricalTest", 15),
  /** {@code BadVisionTestAfterElectricalTest} = 16. Since CFX 2.1. */
  BAD_VISION_TEST_AFTER_ELECTRICAL_TEST("BadVisionTestAfterElectricalTest", 16),
  /** {@code BadPressureTestAfterElectricalTest} = 17. Since CFX 2.1. */
  BAD_PRESSURE_TEST_AFTER_ELECTRICAL_TEST("BadPressureTestAfterElectricalTest", 17),
  /** {@code BadOpticalTestAfterElectricalTest} = 18. Since CFX 2.1. */
  BAD_OPTICAL_TEST_AFTER_ELECTRICAL_TEST("BadOpticalTestAfterElectricalTest", 18);

  private final String wireName;
  private final int code;

  RejectionReason(String wireName, int code) {
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
