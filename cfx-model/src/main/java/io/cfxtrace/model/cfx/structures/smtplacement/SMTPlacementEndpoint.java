package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.DimensionalConstraints;
import io.cfxtrace.model.cfx.structures.Endpoint;
import io.cfxtrace.model.cfx.structures.HermesInformation;
import io.cfxtrace.model.cfx.structures.OperatingRequirements;
import io.cfxtrace.model.cfx.structures.OperatingSystem;
import io.cfxtrace.model.cfx.structures.OperatingSystemPlatform;
import io.cfxtrace.model.cfx.structures.SleepState;
import io.cfxtrace.model.cfx.structures.StageInformation;
import io.cfxtrace.model.cfx.structures.SupportedTopic;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTPlacementEndpoint}: its members are CFX
 * handle, CFX version, request network uri and 23 more. Derives from {@code
 * CFX.Structures.Endpoint}, whose members come first.
 */
public record SMTPlacementEndpoint(
    @WireName("CFXHandle") @Nullable String cfxHandle,
    @WireName("CFXVersion") @Nullable String cfxVersion,
    @Nullable String requestNetworkUri,
    @Nullable String requestTargetAddress,
    @Nullable String uniqueIdentifier,
    @Nullable String friendlyName,
    @Nullable String vendor,
    @Nullable String modelNumber,
    @Nullable String serialNumber,
    @Nullable String softwareVersion,
    @Nullable String firmwareVersion,
    @Nullable EnumValue<OperatingSystem> operatingSystem,
    @Nullable EnumValue<OperatingSystemPlatform> operatingSystemPlatform,
    @Nullable String operatingSystemVersion,
    @Nullable List<StageInformation> stages,
    @Nullable Integer numberOfLanes,
    @Nullable HermesInformation hermesInformation,
    @Nullable OperatingRequirements operatingRequirements,
    @Nullable List<SupportedTopic> supportedTopics,
    @Nullable DimensionalConstraints supportedPCBDimensions,
    @Nullable List<SleepState> sleepStates,
    @Nullable Double nominalPlacementCPH,
    @Nullable Double nominalUnitsPerHour,
    @Nullable List<SMTLaneInformation> lanes,
    @Nullable List<SMTHeadInformation> heads,
    @Nullable SMTPlacementConstraints placementConstraints,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Endpoint {

  /** copies the collections, so that the record is immutable. */
  public SMTPlacementEndpoint {
    stages = Immutables.list(stages);
    supportedTopics = Immutables.list(supportedTopics);
    sleepStates = Immutables.list(sleepStates);
    lanes = Immutables.list(lanes);
    heads = Immutables.list(heads);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTPlacementEndpoint(
      @Nullable String cfxHandle,
      @Nullable String cfxVersion,
      @Nullable String requestNetworkUri,
      @Nullable String requestTargetAddress,
      @Nullable String uniqueIdentifier,
      @Nullable String friendlyName,
      @Nullable String vendor,
      @Nullable String modelNumber,
      @Nullable String serialNumber,
      @Nullable String softwareVersion,
      @Nullable String firmwareVersion,
      @Nullable EnumValue<OperatingSystem> operatingSystem,
      @Nullable EnumValue<OperatingSystemPlatform> operatingSystemPlatform,
      @Nullable String operatingSystemVersion,
      @Nullable List<StageInformation> stages,
      @Nullable Integer numberOfLanes,
      @Nullable HermesInformation hermesInformation,
      @Nullable OperatingRequirements operatingRequirements,
      @Nullable List<SupportedTopic> supportedTopics,
      @Nullable DimensionalConstraints supportedPCBDimensions,
      @Nullable List<SleepState> sleepStates,
      @Nullable Double nominalPlacementCPH,
      @Nullable Double nominalUnitsPerHour,
      @Nullable List<SMTLaneInformation> lanes,
      @Nullable List<SMTHeadInformation> heads,
      @Nullable SMTPlacementConstraints placementConstraints) {
    this(
        cfxHandle,
        cfxVersion,
        requestNetworkUri,
        requestTargetAddress,
        uniqueIdentifier,
        friendlyName,
        vendor,
        modelNumber,
        serialNumber,
        softwareVersion,
        firmwareVersion,
        operatingSystem,
        operatingSystemPlatform,
        operatingSystemVersion,
        stages,
        numberOfLanes,
        hermesInformation,
        operatingRequirements,
        supportedTopics,
        supportedPCBDimensions,
        sleepStates,
        nominalPlacementCPH,
        nominalUnitsPerHour,
        lanes,
        heads,
        placementConstraints,
        Map.of());
  }
}
