package io.cfxtrace.endpoint;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * who this endpoint is on a CFX network: the handle it answers requests at, and what it says of
 * itself in GetEndpointInformationResponse and WhoIsThereResponse (CFX root topic, which "must be
 * implemented by all endpoints").
 *
 * @param cfxHandle the CFX handle, for example {@code CfxTrace.Broker.Line1}; requests are
 *     addressed to it (the SDK's request processor listens at the endpoint's handle).
 * @param requestNetworkUri where peers reach this endpoint for requests, for example {@code
 *     amqp://10.0.0.5:5673}; null when it does not listen.
 * @param vendor vendor name reported in GetEndpointInformationResponse.
 * @param modelNumber model reported in GetEndpointInformationResponse.
 * @param serialNumber serial number reported in GetEndpointInformationResponse.
 * @param softwareVersion software version reported in GetEndpointInformationResponse.
 * @param supportedTopics CFX topics this endpoint supports, for WhoIsThere filtering.
 */
public record EndpointIdentity(
    String cfxHandle,
    @Nullable String requestNetworkUri,
    String vendor,
    String modelNumber,
    String serialNumber,
    String softwareVersion,
    List<String> supportedTopics) {

  /** checks the handle and copies the topics. */
  public EndpointIdentity {
    Objects.requireNonNull(cfxHandle, "cfxHandle");
    if (cfxHandle.isBlank()) {
      throw new IllegalArgumentException("cfxHandle must not be blank");
    }
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(modelNumber, "modelNumber");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    supportedTopics = List.copyOf(supportedTopics);
  }

  /**
   * an identity with cfx-trace's own vendor data.
   *
   * @param cfxHandle the handle.
   * @param requestNetworkUri where peers reach it, or null.
   * @return the identity.
   */
  public static EndpointIdentity of(String cfxHandle, @Nullable String requestNetworkUri) {
    String version = EndpointIdentity.class.getPackage().getImplementationVersion();
    return new EndpointIdentity(
        cfxHandle,
        requestNetworkUri,
        "cfx-trace",
        "cfx-trace",
        cfxHandle,
        version == null ? "development" : version,
        List.of("CFX", "CFX.Production", "CFX.Materials", "CFX.ResourcePerformance", "CFX.Sensor"));
  }

  /**
   * this identity with another request URI (once a listener's port is known).
   *
   * @param uri the URI.
   * @return the copy.
   */
  public EndpointIdentity withRequestNetworkUri(@Nullable String uri) {
    return new EndpointIdentity(cfxHandle, uri, vendor, modelNumber, serialNumber, softwareVersion, supportedTopics);
  }
}
