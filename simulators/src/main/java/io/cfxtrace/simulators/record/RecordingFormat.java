package io.cfxtrace.simulators.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.endpoint.AmqpProperties;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.MessageOrigin;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * the recording file format of {@code ./cfx record}: JSON lines, one received envelope (or one
 * undecodable payload) per line, optionally gzip.
 *
 * <pre>
 * {"receivedAt":"2026-05-04T06:00:01.123456Z","channel":"record","address":"cfx",
 *  "properties":{"messageId":"…","subject":"…","contentEncoding":"gzip","durable":true,…},
 *  "envelope":{"MessageName":"CFX.Production.WorkStarted",…}}
 * {"receivedAt":"…","properties":{…},"undecodable":{"kind":"NOT_JSON","reason":"…","payload":"H4sI…"}}
 * </pre>
 *
 * <p>{@code envelope} is the envelope's JSON text exactly as the machine sent it (the text the
 * codec keeps, not a re-encoding). A JSON text can only hold a line break as whitespace between
 * tokens; such a text (a pretty-printed envelope) is kept as the string {@code envelopeText}
 * instead, so that each record stays one line and nothing is reformatted. {@code batch} ({@code
 * {"index":i,"size":n}}) appears when an AMQP message held a JSON array of envelopes (SDK 1.0/1.1
 * firmware): each element gets its own line, with the message's AMQP properties. {@code
 * undecodable} keeps what the codec refused, as base64 bytes with the reason, so a recording loses
 * nothing that arrived.
 */
public final class RecordingFormat {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordingFormat() {}

  /**
   * the lines of one received AMQP message, each without its line break.
   *
   * @param message the message.
   * @return one line per envelope and per undecodable part.
   */
  public static List<String> lines(InboundMessage message) {
    List<String> out = new ArrayList<>();
    int size = message.envelopes().size() + message.deadLetters().size();
    for (InboundMessage.Envelope e : message.envelopes()) {
      out.add(write(message.origin(), size > 1 ? e.index() : -1, size, e.json(), null));
    }
    for (InboundMessage.DeadLetter d : message.deadLetters()) {
      out.add(write(message.origin(), size > 1 ? d.index() : -1, size, null, d));
    }
    return out;
  }

  private static String write(MessageOrigin origin, int index, int size, @Nullable String envelopeJson, InboundMessage.@Nullable DeadLetter dead) {
    StringWriter w = new StringWriter(envelopeJson == null ? 256 : envelopeJson.length() + 512);
    try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("receivedAt", origin.receivedAt().toString());
      g.writeStringField("channel", origin.channel());
      if (origin.address() != null) {
        g.writeStringField("address", origin.address());
      }
      if (origin.remoteContainerId() != null) {
        g.writeStringField("remoteContainer", origin.remoteContainerId());
      }
      g.writeFieldName("properties");
      writeProperties(g, origin.properties());
      if (index >= 0) {
        g.writeObjectFieldStart("batch");
        g.writeNumberField("index", index);
        g.writeNumberField("size", size);
        g.writeEndObject();
      }
      if (envelopeJson != null) {
        if (envelopeJson.indexOf('\n') < 0 && envelopeJson.indexOf('\r') < 0) {
          g.writeFieldName("envelope");
          g.writeRawValue(envelopeJson);
        } else {
          g.writeStringField("envelopeText", envelopeJson);
        }
      } else if (dead != null) {
        g.writeObjectFieldStart("undecodable");
        if (dead.kind() != null) {
          g.writeStringField("kind", dead.kind().name());
        }
        g.writeStringField("reason", dead.reason());
        g.writeStringField("payload", Base64.getEncoder().encodeToString(dead.payload()));
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a recording line", e);
    }
    return w.toString();
  }

  private static void writeProperties(JsonGenerator g, AmqpProperties p) throws IOException {
    g.writeStartObject();
    field(g, "messageId", p.messageId());
    field(g, "subject", p.subject());
    field(g, "to", p.to());
    field(g, "replyTo", p.replyTo());
    field(g, "correlationId", p.correlationId());
    field(g, "contentType", p.contentType());
    field(g, "contentEncoding", p.contentEncoding());
    field(g, "creationTime", p.creationTime() == null ? null : p.creationTime().toString());
    g.writeBooleanField("durable", p.durable());
    if (!p.applicationProperties().isEmpty()) {
      g.writeObjectFieldStart("applicationProperties");
      for (Map.Entry<String, String> e : new TreeMap<>(p.applicationProperties()).entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void field(JsonGenerator g, String name, @Nullable String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  /**
   * reads one line of a recording.
   *
   * @param line the line, without its line break.
   * @param mapper the mapper to parse with (the codec's, so numbers are read as the codec reads them).
   * @return the record.
   * @throws BadLineException naming what is wrong (not JSON, a member missing or of the wrong type).
   */
  public static RecordedLine parse(String line, ObjectMapper mapper) throws BadLineException {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadLineException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadLineException("not a JSON object");
    }
    JsonNode at = node.get("receivedAt");
    if (at == null || !at.isTextual()) {
      throw new BadLineException("no \"receivedAt\" time");
    }
    Instant receivedAt;
    try {
      receivedAt = Instant.parse(at.asText());
    } catch (DateTimeParseException e) {
      throw new BadLineException("\"receivedAt\" is not an ISO-8601 instant: " + at.asText());
    }
    JsonNode properties = node.path("properties");
    JsonNode envelope = node.get("envelope");
    if (envelope == null && node.hasNonNull("envelopeText")) {
      JsonNode text = node.get("envelopeText");
      if (!text.isTextual()) {
        throw new BadLineException("\"envelopeText\" is not a string");
      }
      try {
        envelope = mapper.readTree(text.asText());
      } catch (JsonProcessingException e) {
        throw new BadLineException("\"envelopeText\" is not JSON: " + e.getOriginalMessage());
      }
    }
    if (envelope != null) {
      if (!envelope.isObject()) {
        throw new BadLineException("\"envelope\" is not a JSON object");
      }
      return new RecordedLine(receivedAt, properties, envelope, null);
    }
    JsonNode undecodable = node.get("undecodable");
    if (undecodable != null && undecodable.isObject()) {
      byte[] payload;
      try {
        payload = Base64.getDecoder().decode(undecodable.path("payload").asText(""));
      } catch (IllegalArgumentException e) {
        throw new BadLineException("\"undecodable.payload\" is not base64: " + e.getMessage());
      }
      return new RecordedLine(receivedAt, properties, null, new RecordedLine.Undecodable(undecodable.path("reason").asText(""), payload));
    }
    throw new BadLineException("neither \"envelope\" nor \"undecodable\"");
  }

  /** a recording line that cannot be read; the message says why, the reader adds the line number. */
  public static final class BadLineException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * a bad line.
     *
     * @param message what is wrong.
     */
    public BadLineException(String message) {
      super(message);
    }
  }
}
