package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.FaultCause}: the fault cause values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum FaultCause implements CfxEnum {
  /** {@code LoadError} = 0. */
  LOAD_ERROR("LoadError", 0),
  /** {@code UnloadError} = 1. */
  UNLOAD_ERROR("UnloadError", 1),
  /** {@code AutoSafetyStop} = 2. */
  AUTO_SAFETY_STOP("AutoSafetyStop", 2),
  /** {@code SafetyStop} = 3. */
  SAFETY_STOP("SafetyStop", 3),
  /** {@code QualityCheck} = 4. */
  QUALITY_CHECK("QualityCheck", 4),
  /** {@code RemoteStop} = 5. */
  REMOTE_STOP("RemoteStop", 5),
  /** {@code MechanicalFailure} = 6. */
  MECHANICAL_FAILURE("MechanicalFailure", 6),
  /** {@code SoftwareFailure} = 7. */
  SOFTWARE_FAILURE("SoftwareFailure", 7),
  /** {@code PowerFailure} = 8. */
  POWER_FAILURE("PowerFailure", 8),
  /** {@code MissingDocumentation} = 9. */
  MISSING_DOCUMENTATION("MissingDocumentation", 9),
  /** {@code Refill} = 10. */
  REFILL("Refill", 10),
  /** {@code MsdExpired} = 11. */
  MSD_EXPIRED("MsdExpired", 11),
  /** {@code MaterialExpired} = 12. */
  MATERIAL_EXPIRED("MaterialExpired", 12),
  /** {@code MissingComponent} = 13. */
  MISSING_COMPONENT("MissingComponent", 13),
  /** {@code ElectricalFailure} = 14. */
  ELECTRICAL_FAILURE("ElectricalFailure", 14),
  /** {@code ServicesFailure} = 15. */
  SERVICES_FAILURE("ServicesFailure", 15),
  /** {@code ProcessError} = 16. Since CFX 1.2. */
  PROCESS_ERROR("ProcessError", 16),
  /** {@code RejectedComponent} = 17. Since CFX 1.5. */
  REJECTED_COMPONENT("RejectedComponent", 17);

  private final String wireName;
  private final int code;

  FaultCause(String wireName, int code) {
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
