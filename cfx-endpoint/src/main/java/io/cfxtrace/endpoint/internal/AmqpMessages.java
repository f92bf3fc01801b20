package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.AmqpProperties;
import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.AmqpSequence;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Header;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;
import org.apache.qpid.proton.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * reads and writes the sections of an AMQP 1.0 message as CFX uses them.
 *
 * <p>Reading: the CFX body is the concatenation of all Data sections (the SDK writes exactly one;
 * AMQP allows several), or, leniently, an AmqpValue holding a string or binary. Any other body is
 * kept whole for its dead letter, as JSON ({@link AmqpBodyJson}). Proton-J's own {@code
 * Message.decode} keeps only the last body section, hence this reader.
 *
 * <p>Writing: the SDK's layout (cfx-sdk-notes part b): durable header; properties message-id,
 * subject, to, reply-to, correlation-id, content-type, content-encoding, creation-time;
 * application properties; one Data section.
 */
public final class AmqpMessages {

  /** content-type the SDK writes. */
  public static final String CONTENT_TYPE = "application/json; charset=\"utf-8\"";

  private static final ThreadLocal<DecoderImpl> DECODER =
      ThreadLocal.withInitial(
          () -> {
            DecoderImpl decoder = new DecoderImpl();
            AMQPDefinedTypes.registerAllTypes(decoder, new EncoderImpl(decoder));
            return decoder;
          });

  private AmqpMessages() {}

  /**
   * a received message's CFX-relevant parts.
   *
   * @param properties the AMQP properties.
   * @param body the payload: Data sections concatenated, or the AmqpValue string/binary; when
   *     {@code problem} is set, what is kept of the message instead (see {@link #decode}).
   * @param problem why the message has no usable CFX body, or null.
   */
  public record Received(AmqpProperties properties, byte[] body, @Nullable String problem) {}

  /**
   * decodes the sections of a message.
   *
   * <p>The CFX payload is the Data sections joined, or a single AmqpValue string (as UTF-8) or
   * binary. Anything else is a problem, and {@code body} keeps the message whole for the dead
   * letter: amqp-sequence sections, an AmqpValue holding another type (a map, say) or a mix of body
   * kinds are written as JSON by {@link AmqpBodyJson} (the reason names the body type); bytes that
   * are not a valid AMQP message encoding are kept as received. Only a message without any body
   * section has an empty {@code body}.
   *
   * @param bytes the encoded message.
   * @param length how many bytes of {@code bytes} hold it.
   * @return the parts; never throws for bad input, which is reported as {@code problem}.
   */
  public static Received decode(byte[] bytes, int length) {
    DecoderImpl decoder = DECODER.get();
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
    decoder.setByteBuffer(buffer);
    Header header = null;
    Properties properties = null;
    ApplicationProperties appProperties = null;
    ByteArrayOutputStream data = null;
    List<AmqpBodyJson.Section> bodySections = new ArrayList<>();
    boolean dataOnly = true;
    String invalid = null;
    try {
      while (buffer.hasRemaining()) {
        int start = buffer.position();
        Object section = decoder.readObject();
        if (section instanceof Header h) {
          header = h;
        } else if (section instanceof Properties p) {
          properties = p;
        } else if (section instanceof ApplicationProperties a) {
          appProperties = a;
        } else if (section instanceof Data d) {
          if (data == null) {
            data = new ByteArrayOutputStream(Math.max(16, d.getValue().getLength()));
          }
          Binary b = d.getValue();
          data.write(b.getArray(), b.getArrayOffset(), b.getLength());
          bodySections.add(new AmqpBodyJson.Section(d, start, buffer.position()));
        } else if (section instanceof AmqpValue || section instanceof AmqpSequence) {
          dataOnly = false;
          bodySections.add(new AmqpBodyJson.Section(section, start, buffer.position()));
        }
      }
    } catch (RuntimeException e) {
      invalid = "not a valid AMQP message encoding: " + e.getMessage();
    } catch (StackOverflowError e) {
      // Proton-J decodes lists, maps and arrays recursively: a few hundred kilobytes of nested
      // lists run it out of stack, and the message must still become a dead letter, not an error
      invalid = "AMQP value nested too deeply to decode";
    } finally {
      decoder.setByteBuffer(null);
    }
    AmqpProperties props = properties(header, properties, appProperties);
    if (invalid != null) {
      return new Received(props, java.util.Arrays.copyOf(bytes, length), invalid + "; the payload is the AMQP message as received");
    }
    if (bodySections.isEmpty()) {
      return new Received(props, new byte[0], "the message has no body section");
    }
    if (dataOnly) {
      return new Received(props, data.toByteArray(), null);
    }
    if (bodySections.size() == 1 && bodySections.get(0).section() instanceof AmqpValue v) {
      if (v.getValue() instanceof String s) {
        return new Received(props, s.getBytes(StandardCharsets.UTF_8), null);
      }
      if (v.getValue() instanceof Binary b) {
        return new Received(props, b.getArray().length == b.getLength() && b.getArrayOffset() == 0 ? b.getArray() : copy(b), null);
      }
    }
    return new Received(props, AmqpBodyJson.write(bytes, bodySections), notCfxBody(bodySections));
  }

  /** why body sections are not a CFX payload, naming the body type. */
  private static String notCfxBody(List<AmqpBodyJson.Section> sections) {
    String kept = "; the payload is the body as JSON (amqp-body)";
    Set<String> kinds = new LinkedHashSet<>();
    for (AmqpBodyJson.Section s : sections) {
      kinds.add(s.section() instanceof Data ? "Data" : s.section() instanceof AmqpValue ? "AmqpValue" : "AmqpSequence");
    }
    if (kinds.size() > 1) {
      // AMQP 1.0 part 3.2: Data sections, AmqpSequence sections, or one AmqpValue
      return "body mixes " + String.join(", ", kinds) + " sections, which AMQP 1.0 does not allow" + kept;
    }
    if (kinds.contains("AmqpSequence")) {
      return "AmqpSequence body (" + sections.size() + " section" + (sections.size() == 1 ? "" : "s")
          + "): CFX payloads are Data sections" + kept;
    }
    if (sections.size() > 1) {
      return sections.size() + " AmqpValue sections, where AMQP 1.0 allows one" + kept;
    }
    Object value = ((AmqpValue) sections.get(0).section()).getValue();
    return "AmqpValue body holds an AMQP " + AmqpBodyJson.typeName(value) + ", not a string or binary CFX payload" + kept;
  }

  private static byte[] copy(Binary b) {
    byte[] out = new byte[b.getLength()];
    System.arraycopy(b.getArray(), b.getArrayOffset(), out, 0, b.getLength());
    return out;
  }

  private static AmqpProperties properties(
      @Nullable Header header, @Nullable Properties p, @Nullable ApplicationProperties a) {
    Map<String, @Nullable String> app = new LinkedHashMap<>();
    if (a != null && a.getValue() != null) {
      for (Map.Entry<String, Object> e : a.getValue().entrySet()) {
        // the SDK writes cfx-target as null for every event: that is no target, not the text "null"
        app.put(String.valueOf(e.getKey()), e.getValue() == null ? null : String.valueOf(e.getValue()));
      }
    }
    boolean durable = header != null && Boolean.TRUE.equals(header.getDurable());
    if (p == null) {
      return new AmqpProperties(null, null, null, null, null, null, null, null, durable, app);
    }
    Date created = p.getCreationTime();
    return new AmqpProperties(
        text(p.getMessageId()),
        p.getSubject(),
        p.getTo(),
        p.getReplyTo(),
        text(p.getCorrelationId()),
        p.getContentType() == null ? null : p.getContentType().toString(),
        p.getContentEncoding() == null ? null : p.getContentEncoding().toString(),
        created == null ? null : created.toInstant(),
        durable,
        app);
  }

  private static @Nullable String text(@Nullable Object id) {
    if (id == null) {
      return null;
    }
    if (id instanceof Binary b) {
      return new String(b.getArray(), b.getArrayOffset(), b.getLength(), StandardCharsets.UTF_8);
    }
    return id.toString();
  }

  /**
   * collects a delivery's bytes as its transfers arrive, in a buffer kept as the delivery's
   * context, and returns the whole message once the last transfer is in (the receiver is then
   * advanced past it). Bytes beyond {@code maxBytes} are read and dropped, so a small message
   * (a request, a response) cannot make its reader hold a large one.
   *
   * @param receiver the link.
   * @param d the delivery the DELIVERY event is for.
   * @param maxBytes the most bytes kept.
   * @return the message, or empty while transfers are still coming (or for a disposition update).
   */
  static java.util.Optional<byte[]> readComplete(
      org.apache.qpid.proton.engine.Receiver receiver, org.apache.qpid.proton.engine.Delivery d, int maxBytes) {
    if (!d.isReadable() && !d.isPartial()) {
      return java.util.Optional.empty();
    }
    ByteArrayOutputStream buf = (ByteArrayOutputStream) d.getContext();
    if (buf == null) {
      buf = new ByteArrayOutputStream();
      d.setContext(buf);
    }
    int pending = d.pending();
    if (pending > 0) {
      byte[] chunk = new byte[pending];
      int n = receiver.recv(chunk, 0, pending);
      if (n > 0 && buf.size() + n <= maxBytes) {
        buf.write(chunk, 0, n);
      }
    }
    if (d.isPartial()) {
      return java.util.Optional.empty();
    }
    receiver.advance();
    d.setContext(null);
    return java.util.Optional.of(buf.toByteArray());
  }

  /**
   * an outgoing CFX message.
   *
   * @param messageId message-id (the envelope UniqueID; {@code command-request} for SDK requests).
   * @param subject subject, or null.
   * @param to to (the envelope Target), or null.
   * @param replyTo reply-to, or null.
   * @param correlationId correlation-id, or null.
   * @param gzip whether {@code body} is gzip (sets content-encoding).
   * @param creationTime creation-time, or null.
   * @param applicationProperties application properties (null values are written as null).
   * @param body the payload bytes, already gzipped when {@code gzip}.
   */
  public record Outgoing(
      @Nullable String messageId,
      @Nullable String subject,
      @Nullable String to,
      @Nullable String replyTo,
      @Nullable String correlationId,
      boolean gzip,
      @Nullable Instant creationTime,
      Map<String, String> applicationProperties,
      byte[] body) {}

  /**
   * encodes an outgoing message.
   *
   * @param m the message.
   * @return the encoded bytes.
   */
  public static byte[] encode(Outgoing m) {
    Message message = Message.Factory.create();
    Header header = new Header();
    header.setDurable(true);
    message.setHeader(header);
    Properties p = new Properties();
    p.setMessageId(m.messageId());
    p.setSubject(m.subject());
    p.setTo(m.to());
    p.setReplyTo(m.replyTo());
    p.setCorrelationId(m.correlationId());
    p.setContentType(Symbol.valueOf(CONTENT_TYPE));
    if (m.gzip()) {
      p.setContentEncoding(Symbol.valueOf("gzip"));
    }
    if (m.creationTime() != null) {
      p.setCreationTime(Date.from(m.creationTime()));
    }
    message.setProperties(p);
    if (!m.applicationProperties().isEmpty()) {
      message.setApplicationProperties(new ApplicationProperties(new LinkedHashMap<>(m.applicationProperties())));
    }
    message.setBody(new Data(new Binary(m.body())));
    int size = m.body().length + 1024;
    while (true) {
      byte[] out = new byte[size];
      try {
        int n = message.encode(out, 0, out.length);
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
      } catch (BufferOverflowException e) {
        size *= 2;
      }
    }
  }
}
