package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.MaterialPackageDetail}: its members are unique identifier,
 * internal part number, internal package name and 21 more.
 */
public record MaterialPackageDetail(
    @Nullable String uniqueIdentifier,
    @Nullable String internalPartNumber,
    @Nullable String internalPackageName,
    @Nullable String manufacturer,
    @Nullable String manufacturerPartNumber,
    @Nullable String vendor,
    @Nullable String vendorPartNumber,
    @Nullable String manufacturerLotCode,
    @Nullable CfxTimestamp created,
    @Nullable CfxTimestamp manufactureDate,
    @Nullable CfxTimestamp receivedDate,
    @Nullable CfxTimestamp expiryDate,
    @Nullable String units,
    @Nullable Double initialQuantity,
    @Nullable Double quantity,
    @Nullable EnumValue<MaterialStatus> status,
    @Nullable EnumValue<HazardousMaterialType> hazardousMaterialType,
    @Nullable MaterialPackageData materialData,
    @Nullable String batchId,
    @Nullable Double greyZone,
    @Nullable Double partPrice,
    @Nullable String partPriceUnit,
    @Nullable PackagingInfo packagingInfo,
    @Nullable ResourceLocation resourceLocation,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public MaterialPackageDetail {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialPackageDetail(
      @Nullable String uniqueIdentifier,
      @Nullable String internalPartNumber,
      @Nullable String internalPackageName,
      @Nullable String manufacturer,
      @Nullable String manufacturerPartNumber,
      @Nullable String vendor,
      @Nullable String vendorPartNumber,
      @Nullable String manufacturerLotCode,
      @Nullable CfxTimestamp created,
      @Nullable CfxTimestamp manufactureDate,
      @Nullable CfxTimestamp receivedDate,
      @Nullable CfxTimestamp expiryDate,
      @Nullable String units,
      @Nullable Double initialQuantity,
      @Nullable Double quantity,
      @Nullable EnumValue<MaterialStatus> status,
      @Nullable EnumValue<HazardousMaterialType> hazardousMaterialType,
      @Nullable MaterialPackageData materialData,
      @Nullable String batchId,
      @Nullable Double greyZone,
      @Nullable Double partPrice,
      @Nullable String partPriceUnit,
      @Nullable PackagingInfo packagingInfo,
      @Nullable ResourceLocation resourceLocation) {
    this(
        uniqueIdentifier,
        internalPartNumber,
        internalPackageName,
        manufacturer,
        manufacturerPartNumber,
        vendor,
        vendorPartNumber,
        manufacturerLotCode,
        created,
        manufactureDate,
        receivedDate,
        expiryDate,
        units,
        initialQuantity,
        quantity,
        status,
        hazardousMaterialType,
        materialData,
        batchId,
        greyZone,
        partPrice,
        partPriceUnit,
        packagingInfo,
        resourceLocation,
        Map.of());
  }
}
