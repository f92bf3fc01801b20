package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.MaterialModifyReason}: the material modify reason values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum MaterialModifyReason implements CfxEnum {
  /** {@code Unspecified} = 0. */
  UNSPECIFIED("Unspecified", 0),
  /** {@code InformationWasIncorrect} = 1. */
  INFORMATION_WAS_INCORRECT("InformationWasIncorrect", 1),
  /** {@code ManualCountAndQuantityUpdate} = 2. */
  MANUAL_COUNT_AND_QUANTITY_UPDATE("ManualCountAndQuantityUpdate", 2),
  /** {@code SensorTriggeredCorrection} = 3. */
  SENSOR_TRIGGERED_CORRECTION("SensorTriggeredCorrection", 3);

  private final String wireName;
  private final int code;

  MaterialModifyReason(String wireName, int code) {
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
