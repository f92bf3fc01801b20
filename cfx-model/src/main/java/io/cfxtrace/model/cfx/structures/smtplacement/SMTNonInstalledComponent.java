package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.NonInstalledComponent;
import io.cfxtrace.model.cfx.structures.NonInstalledComponentLocation;
import io.cfxtrace.model.cfx.structures.RejectionDetails;
import io.cfxtrace.model.cfx.structures.RejectionReason;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTNonInstalledComponent}: its members are
 * reference designator, non installation time, location and 9 more. Derives from {@code
 * CFX.Structures.NonInstalledComponent}, whose members come first.
 */
public record SMTNonInstalledComponent(
    @Nullable String referenceDesignator,
    @Nullable CfxTimestamp nonInstallationTime,
    @Nullable EnumValue<NonInstalledComponentLocation> location,
    @Nullable Stage stage,
    @Nullable String rejectionBoxId,
    @Nullable String rejectionComment,
    @Nullable EnumValue<RejectionReason> rejectionReason,
    @Nullable RejectionDetails rejectionDetails,
    @Nullable SMTHeadAndNozzle headAndNozzle,
    @Nullable CfxTimestamp pickingTime,
    @Nullable Integer pickingSequence,
    @Nullable Integer cycleSequence,
    Map<String, JsonNode> extensions)
    implements CfxRecord, NonInstalledComponent {

  /** copies the collections, so that the record is immutable. */
  public SMTNonInstalledComponent {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTNonInstalledComponent(
      @Nullable String referenceDesignator,
      @Nullable CfxTimestamp nonInstallationTime,
      @Nullable EnumValue<NonInstalledComponentLocation> location,
      @Nullable Stage stage,
      @Nullable String rejectionBoxId,
      @Nullable String rejectionComment,
      @Nullable EnumValue<RejectionReason> rejectionReason,
      @Nullable RejectionDetails rejectionDetails,
      @Nullable SMTHeadAndNozzle headAndNozzle,
      @Nullable CfxTimestamp pickingTime,
      @Nullable Integer pickingSequence,
      @Nullable Integer cycleSequence) {
    this(
        referenceDesignator,
        nonInstallationTime,
        location,
        stage,
        rejectionBoxId,
        rejectionComment,
        rejectionReason,
        rejectionDetails,
        headAndNozzle,
        pickingTime,
        pickingSequence,
        cycleSequence,
        Map.of());
  }
}
