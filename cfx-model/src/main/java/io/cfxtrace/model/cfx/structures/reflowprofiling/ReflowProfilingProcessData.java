package io.cfxtrace.model.cfx.structures.reflowprofiling;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.ProcessData;
import io.cfxtrace.model.cfx.structures.TestResult;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneData;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ReflowProfiling.ReflowProfilingProcessData}: its members are
 * time date unit in, time date unit out, product name and 11 more. Derives from {@code
 * CFX.Structures.ProcessData}, whose members come first.
 */
public record ReflowProfilingProcessData(
    @Nullable CfxTimestamp timeDateUnitIn,
    @Nullable CfxTimestamp timeDateUnitOut,
    @Nullable String productName,
    @Nullable String barcode,
    @Nullable String recipeName,
    @Nullable String processWindowName,
    @WireName("LotID") @Nullable String lotId,
    @Nullable String ovenName,
    @Nullable Integer lane,
    @Nullable Double conveyorSpeedSetpoint,
    @Nullable Double measuredConveyorSpeed,
    @Nullable EnumValue<TestResult> result,
    @Nullable Double productionUnitPWI,
    @Nullable List<ReflowZoneData> zoneData,
    Map<String, JsonNode> extensions)
    implements CfxRecord, ProcessData {

  /** copies the collections, so that the record is immutable. */
  public ReflowProfilingProcessData {
    zoneData = Immutables.list(zoneData);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ReflowProfilingProcessData(
      @Nullable CfxTimestamp timeDateUnitIn,
      @Nullable CfxTimestamp timeDateUnitOut,
      @Nullable String productName,
      @Nullable String barcode,
      @Nullable String recipeName,
      @Nullable String processWindowName,
      @Nullable String lotId,
      @Nullable String ovenName,
      @Nullable Integer lane,
      @Nullable Double conveyorSpeedSetpoint,
      @Nullable Double measuredConveyorSpeed,
      @Nullable EnumValue<TestResult> result,
      @Nullable Double productionUnitPWI,
      @Nullable List<ReflowZoneData> zoneData) {
    this(
        timeDateUnitIn,
        timeDateUnitOut,
        productName,
        barcode,
        recipeName,
        processWindowName,
        lotId,
        ovenName,
        lane,
        conveyorSpeedSetpoint,
        measuredConveyorSpeed,
        result,
        productionUnitPWI,
        zoneData,
        Map.of());
  }
}
