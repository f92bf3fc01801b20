package io.cfxtrace.endpoint;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * a broker address at which this endpoint takes the CFX requests addressed to it: what a
 * CFX.EndpointConnected's RequestTargetAddress names ({@code "/queue/SN23123"} in the CFX
 * examples), for machines that reach the endpoint only through the broker.
 *
 * <p>The address is any string the broker understands as a queue to consume from: {@code
 * /queue/Q} on RabbitMQ 3.x (declares Q) and 4.x (v1 address form; {@code /queues/Q} for a queue
 * that already exists), an Artemis anycast address (a name such as {@code /queue/Q} is taken
 * verbatim, and auto-created when the broker allows).
 *
 * @param name a name for logs and health checks.
 * @param uri the broker, with user and password for SASL PLAIN (ANONYMOUS without).
 * @param address the source address requests are taken from.
 * @param virtualHost the open frame's hostname (RabbitMQ: {@code vhost:NAME}), or null for the
 *     broker's host name.
 * @param tls TLS trust (and client certificate) for {@code amqps}, or null for the JVM defaults.
 * @param maxInFlight requests taken and not yet answered (the link credit), as the SDK's request
 *     processor grants 100.
 * @param reconnect back-off between reconnect attempts.
 */
public record RequestChannelConfig(
    String name,
    AmqpUri uri,
    String address,
    @Nullable String virtualHost,
    @Nullable TlsConfig tls,
    int maxInFlight,
    ReconnectPolicy reconnect) {

  /** the requests in flight the SDK's request processor allows (cfx-sdk-notes, credit summary). */
  public static final int DEFAULT_MAX_IN_FLIGHT = 100;

  /** checks the settings, naming the bad one. */
  public RequestChannelConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(reconnect, "reconnect");
    if (address.isBlank()) {
      throw new IllegalArgumentException("request channel " + name + ": address must not be blank");
    }
    if (maxInFlight < 1 || maxInFlight > 10_000) {
      throw new IllegalArgumentException("request channel " + name + ": maxInFlight must be within 1..10000, was " + maxInFlight);
    }
    if (tls != null && !uri.tls()) {
      throw new IllegalArgumentException("request channel " + name + ": TLS settings given but the URI is not amqps: " + uri.redacted());
    }
  }

  /**
   * a request channel with 100 requests in flight and the default reconnect policy; the address
   * comes from the URI.
   *
   * @param name the name.
   * @param uri the broker URI with the request address as its path.
   * @return the config.
   */
  public static RequestChannelConfig of(String name, AmqpUri uri) {
    return new RequestChannelConfig(name, uri, uri.requireAddress(), null, null, DEFAULT_MAX_IN_FLIGHT, ReconnectPolicy.defaults());
  }
}
