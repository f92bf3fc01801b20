package io.cfxtrace.endpoint;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * the AMQP 1.0 properties of a received message that matter for CFX, kept with the envelope in the
 * raw message log. The SDK sets {@code message-id} to the envelope UniqueID, {@code subject} to
 * {@code <handle>.<MessageName>} and the {@code cfx-*} application properties; firmware of SDK 1.1
 * and before sets only message-id and creation-time.
 *
 * @param messageId message-id as text, or null.
 * @param subject subject, or null.
 * @param to to, or null.
 * @param replyTo reply-to, or null.
 * @param correlationId correlation-id as text, or null.
 * @param contentType content-type, or null.
 * @param contentEncoding content-encoding ({@code gzip} when compressed), or null.
 * @param creationTime creation-time, or null.
 * @param durable the header's durable flag.
 * @param applicationProperties the application properties in wire order, values as text; a
 *     property whose AMQP value is null (the SDK's {@code cfx-target} of every event) maps to null,
 *     never to the text {@code "null"}.
 */
public record AmqpProperties(
    @Nullable String messageId,
    @Nullable String subject,
    @Nullable String to,
    @Nullable String replyTo,
    @Nullable String correlationId,
    @Nullable String contentType,
    @Nullable String contentEncoding,
    @Nullable Instant creationTime,
    boolean durable,
    Map<String, @Nullable String> applicationProperties) {

  /** copies the application properties, keeping null values. */
  public AmqpProperties {
    applicationProperties = Collections.unmodifiableMap(new LinkedHashMap<>(applicationProperties));
  }

  /** no properties at all. */
  public static final AmqpProperties NONE =
      new AmqpProperties(null, null, null, null, null, null, null, null, false, Map.of());
}
