package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.AccessType;
import io.cfxtrace.model.cfx.structures.ComponentDesignator;
import io.cfxtrace.model.cfx.structures.Fault;
import io.cfxtrace.model.cfx.structures.FaultCause;
import io.cfxtrace.model.cfx.structures.FaultSeverity;
import io.cfxtrace.model.cfx.structures.MaterialLocation;
import io.cfxtrace.model.cfx.structures.SideLocation;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTPlacementFault}: its members are transaction
 * ID, cause, severity and 17 more. Derives from {@code CFX.Structures.Fault}, whose members come
 * first.
 */
public record SMTPlacementFault(
    @WireName("TransactionID") @Nullable String transactionId,
    @Nullable EnumValue<FaultCause> cause,
    @Nullable EnumValue<FaultSeverity> severity,
    @Nullable String faultCode,
    @Nullable String faultOccurrenceId,
    @LegacyText @Nullable Integer lane,
    @LegacyText @Nullable Stage stage,
    @Nullable EnumValue<SideLocation> sideLocation,
    @Nullable EnumValue<AccessType> accessType,
    @Nullable String description,
    @Nullable Map<String, String> descriptionTranslations,
    @Nullable CfxTimestamp occurredAt,
    @Nullable CfxTimestamp dueDateTime,
    @Nullable EnumValue<SMTPlacementFaultType> placementFaultType,
    @Nullable Integer programStep,
    @Nullable ComponentDesignator designator,
    @Nullable MaterialLocation materialLocation,
    @Nullable SMTHeadAndNozzle headAndNozzle,
    @Nullable Integer numberOfTriesBeforeError,
    @Nullable String referencePartNumber,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Fault {

  /** copies the collections, so that the record is immutable. */
  public SMTPlacementFault {
    descriptionTranslations = Immutables.map(descriptionTranslations);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTPlacementFault(
      @Nullable String transactionId,
      @Nullable EnumValue<FaultCause> cause,
      @Nullable EnumValue<FaultSeverity> severity,
      @Nullable String faultCode,
      @Nullable String faultOccurrenceId,
      @Nullable Integer lane,
      @Nullable Stage stage,
      @Nullable EnumValue<SideLocation> sideLocation,
      @Nullable EnumValue<AccessType> accessType,
      @Nullable String description,
      @Nullable Map<String, String> descriptionTranslations,
      @Nullable CfxTimestamp occurredAt,
      @Nullable CfxTimestamp dueDateTime,
      @Nullable EnumValue<SMTPlacementFaultType> placementFaultType,
      @Nullable Integer programStep,
      @Nullable ComponentDesignator designator,
      @Nullable MaterialLocation materialLocation,
      @Nullable SMTHeadAndNozzle headAndNozzle,
      @Nullable Integer numberOfTriesBeforeError,
      @Nullable String referencePartNumber) {
    this(
        transactionId,
        cause,
        severity,
        faultCode,
        faultOccurrenceId,
        lane,
        stage,
        sideLocation,
        accessType,
        description,
        descriptionTranslations,
        occurredAt,
        dueDateTime,
        placementFaultType,
        programStep,
        designator,
        materialLocation,
        headAndNozzle,
        numberOfTriesBeforeError,
        referencePartNumber,
        Map.of());
  }
}
