package io.cfxtrace.model.cfx.structures.solderpasteprinting;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.AccessType;
import io.cfxtrace.model.cfx.structures.Fault;
import io.cfxtrace.model.cfx.structures.FaultCause;
import io.cfxtrace.model.cfx.structures.FaultSeverity;
import io.cfxtrace.model.cfx.structures.SideLocation;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPastePrinting.SMTSolderPastePrintingFault}: its members
 * are transaction ID, cause, severity and 11 more. Derives from {@code CFX.Structures.Fault}, whose
 * members come first.
 */
public record SMTSolderPastePrintingFault(
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
    @Nullable EnumValue<SMTSolderPastePrintingFaultType> printingFaultType,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Fault {

  /** copies the collections, so that the record is immutable. */
  public SMTSolderPastePrintingFault {
    descriptionTranslations = Immutables.map(descriptionTranslations);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTSolderPastePrintingFault(
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
      @Nullable EnumValue<SMTSolderPastePrintingFaultType> printingFaultType) {
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
        printingFaultType,
        Map.of());
  }
}
