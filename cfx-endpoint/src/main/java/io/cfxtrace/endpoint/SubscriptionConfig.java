package io.cfxtrace.endpoint;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * a subscription to a broker address: RabbitMQ {@code /queue/Q}, {@code /queues/Q} (v2), {@code
 * /exchange/X}; an Artemis anycast or multicast address; any string the broker understands.
 *
 * @param name a name for logs, metrics and {@link MessageOrigin#channel()}.
 * @param uri the broker, with user and password for SASL PLAIN (ANONYMOUS without).
 * @param address the source address to receive from.
 * @param virtualHost the open frame's hostname (RabbitMQ: {@code vhost:NAME}), or null for the
 *     broker's host name.
 * @param tls TLS trust (and client certificate) for {@code amqps}, or null for the JVM defaults.
 * @param durableSource whether to ask for a durable source (terminus durability
 *     unsettled-state), as the SDK's DurableReceiverSetting 1 does.
 * @param limits size limits and credit (connection counts are not used).
 * @param reconnect back-off between reconnect attempts.
 */
public record SubscriptionConfig(
    String name,
    AmqpUri uri,
    String address,
    @Nullable String virtualHost,
    @Nullable TlsConfig tls,
    boolean durableSource,
    ListenerConfig.Limits limits,
    ReconnectPolicy reconnect) {

  /** checks the settings. */
  public SubscriptionConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(reconnect, "reconnect");
    if (address.isBlank()) {
      throw new IllegalArgumentException("subscription " + name + ": address must not be blank");
    }
    if (tls != null && !uri.tls()) {
      throw new IllegalArgumentException("subscription " + name + ": TLS settings given but the URI is not amqps: " + uri);
    }
  }

  /**
   * a subscription with default limits and reconnect policy; the address comes from the URI.
   *
   * @param name the name.
   * @param uri the broker URI with the address as its path.
   * @return the config.
   */
  public static SubscriptionConfig of(String name, AmqpUri uri) {
    return new SubscriptionConfig(name, uri, uri.requireAddress(), null, null, false, ListenerConfig.Limits.defaults(), ReconnectPolicy.defaults());
  }
}
