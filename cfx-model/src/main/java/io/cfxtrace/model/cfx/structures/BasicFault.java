package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Fault}: its members are transaction ID, cause, severity and
 * 10 more. This is the base class itself, decoded when no {@code $type} names a subclass.
 */
public record BasicFault(
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
    Map<String, JsonNode> extensions)
    implements CfxRecord, Fault {

  /** copies the collections, so that the record is immutable. */
  public BasicFault {
    descriptionTranslations = Immutables.map(descriptionTranslations);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicFault(
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
      @Nullable CfxTimestamp dueDateTime) {
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
        Map.of());
  }
}
