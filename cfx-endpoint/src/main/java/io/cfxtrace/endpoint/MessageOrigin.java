package io.cfxtrace.endpoint;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * where and how an AMQP message reached this endpoint.
 *
 * @param channel the listener or subscription it arrived on, by its configured name.
 * @param connectionId this endpoint's id of the AMQP connection (unique per process run).
 * @param remoteAddress the peer's socket address, for example {@code 10.0.3.17:51544}.
 * @param remoteContainerId the peer's AMQP container id (the SDK uses the CFX handle), or null.
 * @param user the SASL identity, or null for ANONYMOUS.
 * @param address the link address: the target a machine published to, or the source we
 *     subscribed to.
 * @param properties the AMQP properties of the message.
 * @param receivedAt when the last byte of the message arrived.
 */
public record MessageOrigin(
    String channel,
    String connectionId,
    String remoteAddress,
    @Nullable String remoteContainerId,
    @Nullable String user,
    @Nullable String address,
    AmqpProperties properties,
    Instant receivedAt) {

  /** checks the required parts. */
  public MessageOrigin {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
