package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ValidationType}: the validations a ValidateUnitsRequest asks for.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ValidationType implements CfxEnum {
  /** {@code UnitRouteValidation} = 0. */
  UNIT_ROUTE_VALIDATION("UnitRouteValidation", 0),
  /** {@code UnitStatusValidation} = 1. */
  UNIT_STATUS_VALIDATION("UnitStatusValidation", 1),
  /** {@code UnitAndSubsStatusValidation} = 2. */
  UNIT_AND_SUBS_STATUS_VALIDATION("UnitAndSubsStatusValidation", 2),
  /** {@code UnitTraceValidation} = 3. */
  UNIT_TRACE_VALIDATION("UnitTraceValidation", 3),
  /** {@code All} = 4. */
  ALL("All", 4);

  private final String wireName;
  private final int code;

  ValidationType(String wireName, int code) {
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
