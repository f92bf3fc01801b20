package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Endpoint}: its members are CFX handle, CFX version, request
 * network uri and 18 more. This is the base class itself, decoded when no {@code $type} names a
 * subclass.
 */
public record BasicEndpoint(
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
    Map<String, JsonNode> extensions)
    implements CfxRecord, Endpoint {

  /** copies the collections, so that the record is immutable. */
  public BasicEndpoint {
    stages = Immutables.list(stages);
    supportedTopics = Immutables.list(supportedTopics);
    sleepStates = Immutables.list(sleepStates);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicEndpoint(
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
      @Nullable List<SleepState> sleepStates) {
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
        Map.of());
  }
}
