package io.cfxtrace.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.value.CfxTimestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * a CFX envelope: one message with its routing and identity, as the SDK's {@code CFXEnvelope}.
 *
 * <p>The wire member {@code MessageName} is not a component: it is always the body's {@link
 * CfxMessage#messageName()}, so the two cannot disagree. All other members are optional on read,
 * because firmware of every SDK generation is in the field; {@link #CURRENT_VERSION} is what
 * this project writes.
 *
 * @param version the sender's CFX version ({@code "2.1"}, {@code "1.0"}, ...), kept verbatim.
 * @param timeStamp when the event happened at the sender (not the send time).
 * @param uniqueId the envelope's GUID, the de-duplication key for at-least-once delivery.
 * @param source the CFX handle of the publisher.
 * @param target the addressee of a request or response; null for events.
 * @param requestId pairs a request and its response; a string such as {@code REQUEST-<guid>}.
 * @param messageBody the message.
 * @param extensions envelope members the SDK does not define, kept for re-encoding.
 */
public record CfxEnvelope(
    @Nullable String version,
    @Nullable CfxTimestamp timeStamp,
    @Nullable String uniqueId,
    @Nullable String source,
    @Nullable String target,
    @Nullable String requestId,
    CfxMessage messageBody,
    Map<String, JsonNode> extensions) {

  /** the CFX version this project writes: that of SDK 2.1.1. */
  public static final String CURRENT_VERSION = "2.1";

  /** the SDK stamps envelopes with the sender's local wall clock and its offset. */
  private static final Clock LOCAL_CLOCK = Clock.systemDefaultZone();

  /** checks the body and copies the extensions. */
  public CfxEnvelope {
    Objects.requireNonNull(messageBody, "messageBody");
    extensions = Immutables.extensions(extensions);
  }

  /**
   * a new event envelope as the SDK makes one: fresh UniqueID, the current local time with its
   * offset, version {@value #CURRENT_VERSION}, no target or request id.
   *
   * @param source the publisher's CFX handle.
   * @param body the message.
   * @return the envelope.
   */
  public static CfxEnvelope event(String source, CfxMessage body) {
    return event(source, body, CfxTimestamp.now(LOCAL_CLOCK));
  }

  /**
   * a new event envelope with the given event time.
   *
   * @param source the publisher's CFX handle.
   * @param body the message.
   * @param timeStamp when the event happened.
   * @return the envelope.
   */
  public static CfxEnvelope event(String source, CfxMessage body, CfxTimestamp timeStamp) {
    return new CfxEnvelope(
        CURRENT_VERSION, timeStamp, UUID.randomUUID().toString(), source, null, null, body, Map.of());
  }

  /**
   * a new request envelope, with a fresh {@code REQUEST-<guid>} request id as the SDK makes it.
   *
   * @param source the requester's CFX handle.
   * @param target the handle of the endpoint asked.
   * @param body the request message.
   * @return the envelope.
   */
  public static CfxEnvelope request(String source, String target, CfxMessage body) {
    return new CfxEnvelope(
        CURRENT_VERSION,
        CfxTimestamp.now(LOCAL_CLOCK),
        UUID.randomUUID().toString(),
        source,
        target,
        "REQUEST-" + UUID.randomUUID(),
        body,
        Map.of());
  }

  /**
   * the response to this request: addressed back to its source, with its request id.
   *
   * @param responder the responding endpoint's CFX handle.
   * @param body the response message.
   * @return the envelope.
   */
  public CfxEnvelope response(String responder, CfxMessage body) {
    return new CfxEnvelope(
        CURRENT_VERSION,
        CfxTimestamp.now(LOCAL_CLOCK),
        UUID.randomUUID().toString(),
        responder,
        source,
        requestId,
        body,
        Map.of());
  }

  /**
   * the message name, which is the body's.
   *
   * @return for example {@code CFX.Production.WorkStarted}.
   */
  public String messageName() {
    return messageBody.messageName();
  }

  /**
   * this envelope with another UniqueID (for replays that must not be de-duplicated).
   *
   * @param newUniqueId the new id.
   * @return the copy.
   */
  public CfxEnvelope withUniqueId(String newUniqueId) {
    return new CfxEnvelope(
        version, timeStamp, newUniqueId, source, target, requestId, messageBody, extensions);
  }
}
