package io.cfxtrace.endpoint;

import io.cfxtrace.endpoint.spool.SpoolOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * a publish channel: a broker address, or a peer endpoint's listener address.
 *
 * @param name a name for logs and the spool directory.
 * @param uri the broker or peer, with user and password for SASL PLAIN.
 * @param address the target address (RabbitMQ {@code /exchange/X}, an Artemis address, a peer's
 *     listener address).
 * @param virtualHost the open frame's hostname, or null.
 * @param tls TLS for {@code amqps}, or null.
 * @param gzip whether bodies are gzipped (the SDK default since 1.2).
 * @param spoolDirectory where unsettled envelopes are kept across crashes.
 * @param spool spool size limits.
 * @param maxInFlight deliveries sent but not yet settled; 1 gives strict order even across
 *     rejections, as the SDK does.
 * @param heartbeatInterval how often a CFX.Heartbeat is published; zero for never. The SDK
 *     default is one minute, and CFX requires at least one per five minutes.
 * @param reconnect back-off between reconnect attempts.
 */
public record PublisherConfig(
    String name,
    AmqpUri uri,
    String address,
    @Nullable String virtualHost,
    @Nullable TlsConfig tls,
    boolean gzip,
    Path spoolDirectory,
    SpoolOptions spool,
    int maxInFlight,
    Duration heartbeatInterval,
    ReconnectPolicy reconnect) {

  /** checks the settings. */
  public PublisherConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(spoolDirectory, "spoolDirectory");
    Objects.requireNonNull(spool, "spool");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(reconnect, "reconnect");
    if (address.isBlank()) {
      throw new IllegalArgumentException("publisher " + name + ": address must not be blank");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("publisher " + name + ": maxInFlight must be >= 1, was " + maxInFlight);
    }
    if (!heartbeatInterval.isZero() && (heartbeatInterval.compareTo(Duration.ofSeconds(1)) < 0 || heartbeatInterval.compareTo(Duration.ofMinutes(5)) > 0)) {
      throw new IllegalArgumentException(
          "publisher " + name + ": heartbeatInterval must be 0 (off) or within 1 s..5 min (CFX Heartbeat), was " + heartbeatInterval);
    }
    if (tls != null && !uri.tls()) {
      throw new IllegalArgumentException("publisher " + name + ": TLS settings given but the URI is not amqps: " + uri);
    }
  }

  /**
   * a gzip publisher with a one-minute heartbeat, 64 in flight and default spool and reconnect
   * settings; the address comes from the URI.
   *
   * @param name the name.
   * @param uri the broker or peer URI with the address as its path.
   * @param spoolDirectory the spool directory.
   * @return the config.
   */
  public static PublisherConfig of(String name, AmqpUri uri, Path spoolDirectory) {
    return new PublisherConfig(
        name, uri, uri.requireAddress(), null, null, true, spoolDirectory, SpoolOptions.defaults(), 64, Duration.ofMinutes(1), ReconnectPolicy.defaults());
  }
}
