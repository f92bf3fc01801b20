package io.cfxtrace.endpoint.internal;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * a CFX envelope as an AMQP message, laid out as the SDK lays it out (AmqpUtilities, SDK 1.2+;
 * cfx-sdk-notes part b): message-id = UniqueID, subject = {@code <Source>.<MessageName>}, to =
 * Target, reply-to = Source, correlation-id = RequestID, content-type JSON, content-encoding gzip
 * when compressed, creation-time = TimeStamp, application properties cfx-topic, cfx-message,
 * cfx-handle, cfx-target.
 */
final class CfxAmqp {

  private CfxAmqp() {}

  static AmqpMessages.Outgoing event(CfxCodec codec, CfxEnvelope e, boolean gzip) {
    return message(codec, e, gzip, e.uniqueId(), e.source(), e.requestId(), standardProperties(e));
  }

  /**
   * a request as the SDK's requester sends it: the normal properties, but message-id {@code
   * command-request}, reply-to the reply address, and one application property {@code offset} = 1.
   */
  static AmqpMessages.Outgoing request(CfxCodec codec, CfxEnvelope e, String replyTo) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("offset", "1");
    return message(codec, e, true, "command-request", replyTo, e.requestId(), props);
  }

  /** a response: raw JSON (the SDK's request processor never compresses responses). */
  static AmqpMessages.Outgoing response(CfxCodec codec, CfxEnvelope e, @Nullable String correlationId) {
    return message(codec, e, false, e.uniqueId(), null, correlationId, standardProperties(e));
  }

  /**
   * a response sent through a broker's anonymous relay (AMQP 1.0 addressing: a link without
   * target routes each message by its {@code to}): as {@link #response}, with {@code to} = the
   * request's reply-to instead of the envelope Target.
   */
  static AmqpMessages.Outgoing relayedResponse(CfxCodec codec, CfxEnvelope e, @Nullable String correlationId, String replyTo) {
    AmqpMessages.Outgoing m = response(codec, e, correlationId);
    return new AmqpMessages.Outgoing(
        m.messageId(), m.subject(), replyTo, m.replyTo(), m.correlationId(), m.gzip(), m.creationTime(), m.applicationProperties(), m.body());
  }

  private static Map<String, String> standardProperties(CfxEnvelope e) {
    Map<String, String> props = new LinkedHashMap<>();
    String name = e.messageName();
    props.put("cfx-topic", name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
    props.put("cfx-message", name);
    if (e.source() != null) {
      props.put("cfx-handle", e.source());
    }
    if (e.target() != null) {
      props.put("cfx-target", e.target());
    }
    return props;
  }

  private static AmqpMessages.Outgoing message(
      CfxCodec codec,
      CfxEnvelope e,
      boolean gzip,
      @Nullable String messageId,
      @Nullable String replyTo,
      @Nullable String correlationId,
      Map<String, String> props) {
    byte[] json = codec.encode(e);
    Instant created = e.timeStamp() == null ? null : e.timeStamp().instant().orElse(null);
    String subject = e.source() == null ? e.messageName() : e.source() + "." + e.messageName();
    return new AmqpMessages.Outgoing(
        messageId, subject, e.target(), replyTo, correlationId, gzip, created, props, gzip ? CfxCodec.gzip(json) : json);
  }
}
