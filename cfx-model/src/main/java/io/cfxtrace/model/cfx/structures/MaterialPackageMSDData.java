package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.value.CfxDuration;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.MaterialPackageMSDData}: its members are expiration date
 * time, original exposure date time, last exposure date time and 3 more. Derives from {@code
 * CFX.Structures.MaterialPackageData}, whose members come first.
 */
public record MaterialPackageMSDData(
    @Nullable CfxTimestamp expirationDateTime,
    @Nullable CfxTimestamp originalExposureDateTime,
    @Nullable CfxTimestamp lastExposureDateTime,
    @Nullable CfxDuration remainingExposureTime,
    @WireName("MSDLevel") @Nullable EnumValue<MSDLevel> msdLevel,
    @WireName("MSDState") @Nullable EnumValue<MSDState> msdState,
    Map<String, JsonNode> extensions)
    implements CfxRecord, MaterialPackageData {

  /** copies the collections, so that the record is immutable. */
  public MaterialPackageMSDData {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialPackageMSDData(
      @Nullable CfxTimestamp expirationDateTime,
      @Nullable CfxTimestamp originalExposureDateTime,
      @Nullable CfxTimestamp lastExposureDateTime,
      @Nullable CfxDuration remainingExposureTime,
      @Nullable EnumValue<MSDLevel> msdLevel,
      @Nullable EnumValue<MSDState> msdState) {
    this(
        expirationDateTime,
        originalExposureDateTime,
        lastExposureDateTime,
        remainingExposureTime,
        msdLevel,
        msdState,
        Map.of());
  }
}
