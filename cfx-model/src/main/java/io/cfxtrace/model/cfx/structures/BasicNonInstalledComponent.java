package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.NonInstalledComponent}: its members are reference designator,
 * non installation time, location and 5 more. This is the base class itself, decoded when no {@code
 * $type} names a subclass.
 */
public record BasicNonInstalledComponent(
    @Nullable String referenceDesignator,
    @Nullable CfxTimestamp nonInstallationTime,
    @Nullable EnumValue<NonInstalledComponentLocation> location,
    @Nullable Stage stage,
    @Nullable String rejectionBoxId,
    @Nullable String rejectionComment,
    @Nullable EnumValue<RejectionReason> rejectionReason,
    @Nullable RejectionDetails rejectionDetails,
    Map<String, JsonNode> extensions)
    implements CfxRecord, NonInstalledComponent {

  /** copies the collections, so that the record is immutable. */
  public BasicNonInstalledComponent {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicNonInstalledComponent(
      @Nullable String referenceDesignator,
      @Nullable CfxTimestamp nonInstallationTime,
      @Nullable EnumValue<NonInstalledComponentLocation> location,
      @Nullable Stage stage,
      @Nullable String rejectionBoxId,
      @Nullable String rejectionComment,
      @Nullable EnumValue<RejectionReason> rejectionReason,
      @Nullable RejectionDetails rejectionDetails) {
    this(
        referenceDesignator,
        nonInstallationTime,
        location,
        stage,
        rejectionBoxId,
        rejectionComment,
        rejectionReason,
        rejectionDetails,
        Map.of());
  }
}
