package io.cfxtrace.model.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.GenericMessage;
import io.cfxtrace.model.registry.CfxRegistry;
import io.cfxtrace.model.registry.MessageEntry;
import io.cfxtrace.model.registry.TypeEntry;
import io.cfxtrace.model.cfx.CfxCatalog;
import io.cfxtrace.model.value.CfxTimestamp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * decodes and encodes CFX payloads in the wire format of the official .NET SDK.
 *
 * <p>Decoding takes the bytes of an AMQP body: JSON or gzip (told apart by the gzip magic number,
 * so a wrong {@code content-encoding} does not matter), one envelope or a JSON array of them
 * (SDK 1.0/1.1 batches). Each envelope is decoded on its own: one bad envelope in a batch does not
 * spoil the others. Failures are {@link DecodeOutcome.Rejected} values naming the JSON path and the
 * reason; decoding never throws for bad input.
 *
 * <p>Encoding writes compact UTF-8 JSON as SDK 2.1.1 does: the eight envelope members in order,
 * {@code $type} first in the body, null members written as {@code null}.
 *
 * <p>Thread-safe; create one per set of limits and share it.
 */
public final class CfxCodec {

  private static final String[] ENVELOPE_MEMBERS = {
    "MessageName", "Version", "TimeStamp", "UniqueID", "Source", "Target", "RequestID", "MessageBody"
  };
  private static final Map<String, Integer> ENVELOPE_INDEX = new java.util.HashMap<>();

  static {
    for (int i = 0; i < ENVELOPE_MEMBERS.length; i++) {
      ENVELOPE_INDEX.put(ENVELOPE_MEMBERS[i].toLowerCase(Locale.ROOT), i);
    }
  }

  private final CodecLimits limits;
  private final ObjectMapper mapper;
  private final ObjectMapper streamMapper;
  private final CfxRegistry registry = CfxRegistry.get();
  private final CodecFactory factory = new CodecFactory(registry);

  /** a codec with {@link CodecLimits#defaults()}. */
  public CfxCodec() {
    this(CodecLimits.defaults());
  }

  /**
   * a codec with the given limits.
   *
   * @param limits bounds on accepted input.
   * @throws IllegalStateException if the model itself is inconsistent (a programming error).
   */
  public CfxCodec(CodecLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    JsonFactory json =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength((int) limits.maxInflatedBytes())
                    .maxDocumentLength(limits.maxInflatedBytes())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    this.mapper =
        JsonMapper.builder(json).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    // the streaming decoder reads members' trees mid-document: trailing tokens are its own check
    this.streamMapper = JsonMapper.builder(json.copy()).build();
    for (TypeEntry t : CfxCatalog.types()) {
      factory.record(t.type());
    }
  }

  /**
   * the limits in force.
   *
   * @return the limits.
   */
  public CodecLimits limits() {
    return limits;
  }

  /**
   * decodes a payload: one envelope or a batch, JSON or gzip.
   *
   * @param payload the bytes of the AMQP body.
   * @return one outcome per envelope in payload order; a single {@link DecodeOutcome.Rejected}
   *     when the payload as a whole is unusable.
   */
  public List<DecodeOutcome> decode(byte[] payload) {
    JsonNode root;
    byte[] json;
    try {
      json = text(payload);
      root = parseText(json);
    } catch (CfxDecodeException e) {
      return List.of(new DecodeOutcome.Rejected(0, e.error(), null));
    }
    if (root.isArray()) {
      if (root.size() > limits.maxBatchSize()) {
        return List.of(
            new DecodeOutcome.Rejected(
                0,
                new DecodeError(
                    DecodeError.Kind.BATCH_TOO_LARGE,
                    "$",
                    "batch of " + root.size() + " envelopes exceeds the limit of " + limits.maxBatchSize()),
                root));
      }
      if (root.isEmpty()) {
        return List.of(
            new DecodeOutcome.Rejected(
                0, new DecodeError(DecodeError.Kind.EMPTY, "$", "empty batch: the array holds no envelope"), root));
      }
      List<DecodeOutcome> out = new ArrayList<>(root.size());
      for (int i = 0; i < root.size(); i++) {
        JsonNode element = root.get(i);
        out.add(decodeTree(element, i, JsonPath.index(i), null));
      }
      return out;
    }
    String text = new String(json, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark is not part of the JSON text
    }
    return List.of(decodeTree(root, 0, JsonPath.ROOT, text));
  }

  /**
   * decodes a payload that must hold exactly one envelope.
   *
   * @param payload JSON or gzip bytes.
   * @return the envelope.
   * @throws CfxDecodeException when it is not exactly one valid envelope.
   */
  public CfxEnvelope decodeEnvelope(byte[] payload) throws CfxDecodeException {
    List<DecodeOutcome> outcomes = decode(payload);
    if (outcomes.size() != 1) {
      throw new CfxDecodeException(
          new DecodeError(
              DecodeError.Kind.NOT_AN_ENVELOPE, "$", "expected one envelope, found a batch of " + outcomes.size()));
    }
    DecodeOutcome o = outcomes.get(0);
    if (o instanceof DecodeOutcome.Rejected r) {
      throw new CfxDecodeException(r.error());
    }
    return ((DecodeOutcome.Decoded) o).envelope();
  }

  /**
   * decodes one envelope from parsed JSON (for example a line of a recording).
   *
   * @param node the envelope object.
   * @return the outcome, with index 0.
   */
  public DecodeOutcome decodeTree(JsonNode node) {
    return decodeTree(node, 0, JsonPath.ROOT, null);
  }

  /**
   * parses a payload into a JSON tree without binding it: gzip inflated within limits.
   *
   * @param payload JSON or gzip bytes.
   * @return the tree.
   * @throws CfxDecodeException naming the problem: size, gzip, syntax, depth.
   */
  public JsonNode parse(byte[] payload) throws CfxDecodeException {
    return parseText(text(payload));
  }

  /**
   * decodes a payload holding one envelope as it streams: gzip is inflated, parsed and bound to
   * records in one pass, so that neither the JSON text nor its tree is ever held, only the
   * records. For large inspection and test results (a 30 MB UnitsInspected); the envelope's text
   * for the raw log is read again with {@link #openText}. A message body that comes before the
   * MessageName, and a generic body, are bound from their tree as in {@link #decode}.
   *
   * @param payload the AMQP body: JSON or gzip.
   * @return the envelope, or null when the payload is not one envelope object (an SDK 1.0/1.1
   *     batch array): decode that with {@link #decode}, which keeps each element's text.
   * @throws CfxDecodeException naming the problem and its JSON path, as {@link #decode} would.
   */
  public @Nullable CfxEnvelope decodeStreaming(byte[] payload) throws CfxDecodeException {
    checkSize(payload);
    JsonParser p;
    try {
      p = streamMapper.createParser(openText(payload));
    } catch (IOException e) {
      throw readFailure(e, null, payload.length); // the first bytes are read to detect the encoding
    }
    try (p) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw error(DecodeError.Kind.EMPTY, "$", "payload holds no JSON value (blank text)");
      }
      if (first == JsonToken.START_ARRAY) {
        return null;
      }
      if (first != JsonToken.START_OBJECT) {
        JsonNode scalar = p.readValueAsTree();
        throw error(DecodeError.Kind.NOT_AN_ENVELOPE, "$", "expected an envelope object, found " + ValueCodec.describe(scalar));
      }
      CfxEnvelope envelope = streamEnvelope(p);
      if (p.nextToken() != null) {
        throw error(DecodeError.Kind.NOT_JSON, "$", "not JSON: trailing content after the envelope at " + where(p));
      }
      return envelope;
    } catch (BindException e) {
      throw new CfxDecodeException(e.toError(JsonPath.ROOT));
    } catch (IOException e) {
      throw readFailure(e, p, payload.length);
    }
  }

  /**
   * the JSON text of a payload as a stream: inflated when gzip (within {@link
   * CodecLimits#maxInflatedBytes()}), without a leading byte-order mark.
   *
   * @param payload the AMQP body.
   * @return the text's UTF-8 bytes.
   */
  public InputStream openText(byte[] payload) {
    try {
      InputStream in =
          isGzip(payload)
              ? new InflateLimit(new GZIPInputStream(new ByteArrayInputStream(payload), 16384), limits.maxInflatedBytes(), payload.length)
              : new ByteArrayInputStream(payload);
      in = new java.io.BufferedInputStream(in, 16384);
      in.mark(3);
      byte[] bom = in.readNBytes(3);
      if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
        in.reset();
      }
      return in;
    } catch (IOException e) {
      // a gzip header too short or corrupt: the parser reports it when it reads
      return new InputStream() {
        @Override
        public int read() throws IOException {
          throw e;
        }
      };
    }
  }

  /** an inflating stream that stops at the inflated-size limit (the gzip-bomb guard). */
  private static final class InflateLimit extends java.io.FilterInputStream {
    private final long limit;
    private final int gzipBytes;
    private long total;

    InflateLimit(InputStream in, long limit, int gzipBytes) {
      super(in);
      this.limit = limit;
      this.gzipBytes = gzipBytes;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        total += n;
        if (total > limit) {
          throw new TooLarge("gzip payload of " + gzipBytes + " bytes inflates beyond the limit of " + limit + " bytes");
        }
      }
      return n;
    }
  }

  /** the inflated-size limit was passed while streaming. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  /**
   * a failure while reading a payload, named as {@link #inflate} names gzip failures: size, depth,
   * syntax (with the path and the line and column), encoding.
   */
  private CfxDecodeException readFailure(IOException e, @Nullable JsonParser p, int payloadBytes) {
    if (e instanceof TooLarge) {
      return error(DecodeError.Kind.INFLATED_TOO_LARGE, "$", e.getMessage());
    }
    if (e instanceof EOFException) {
      return error(DecodeError.Kind.TRUNCATED_GZIP, "$", "gzip stream of " + payloadBytes + " bytes is truncated: it ends before its trailer");
    }
    if (e instanceof ZipException) {
      return error(DecodeError.Kind.BAD_GZIP, "$", "corrupt gzip stream: " + e.getMessage());
    }
    if (e instanceof StreamConstraintsException c) {
      String m = c.getOriginalMessage();
      boolean depth = m != null && m.toLowerCase(Locale.ROOT).contains("depth");
      return error(
          depth ? DecodeError.Kind.TOO_DEEP : DecodeError.Kind.TOO_LARGE,
          p == null ? "$" : pathOf(p),
          (depth ? "JSON nests deeper than the limit of " + limits.maxDepth() + ": " : "JSON exceeds a size limit: ") + m);
    }
    if (e instanceof JsonProcessingException j) {
      String where = j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
      return error(DecodeError.Kind.NOT_JSON, p == null ? "$" : pathOf(p), "not JSON: " + j.getOriginalMessage() + where);
    }
    if (e instanceof CharConversionException) {
      return error(DecodeError.Kind.NOT_JSON, "$", "not UTF-8 text: " + e.getMessage());
    }
    return error(DecodeError.Kind.NOT_JSON, "$", "not JSON: " + e.getMessage());
  }

  private static String where(JsonParser p) {
    com.fasterxml.jackson.core.JsonLocation l = p.currentLocation();
    return l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  /**
   * {@link #envelope(JsonNode)} as the parser streams: the header members are small and read as
   * trees; a typed body that follows its MessageName is bound as it streams.
   */
  private CfxEnvelope streamEnvelope(JsonParser p) throws BindException, IOException {
    ObjectNode headers = JsonNodeFactory.instance.objectNode();
    CfxMessage streamed = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      JsonNode messageName = headers.get(ENVELOPE_MEMBERS[0]);
      Optional<MessageEntry> entry =
          messageName != null && messageName.isTextual() ? registry.message(messageName.textValue().trim()) : Optional.empty();
      if (name.equals(ENVELOPE_MEMBERS[7]) && streamed == null && !headers.has(name)
          && p.currentToken() == JsonToken.START_OBJECT && entry.isPresent() && entry.get().type().isPresent()) {
        try {
          streamed = factory.record(entry.get().type().get()).read(p, true);
        } catch (BindException e) {
          throw e.atMember(name);
        }
        headers.putNull(name); // holds the member's place; the bound body replaces it below
      } else {
        headers.set(name, p.readValueAsTree());
      }
    }
    return envelope(headers, streamed);
  }

  /** the payload's JSON bytes: checked against the size limit, inflated when gzip. */
  private byte[] text(byte[] payload) throws CfxDecodeException {
    checkSize(payload);
    return isGzip(payload) ? inflate(payload) : payload;
  }

  /** a payload is refused before it is read when empty or over the size limit. */
  private void checkSize(byte[] payload) throws CfxDecodeException {
    Objects.requireNonNull(payload, "payload");
    if (payload.length == 0) {
      throw error(DecodeError.Kind.EMPTY, "$", "empty payload");
    }
    if (payload.length > limits.maxPayloadBytes()) {
      throw error(
          DecodeError.Kind.TOO_LARGE,
          "$",
          "payload of " + payload.length + " bytes exceeds the limit of " + limits.maxPayloadBytes());
    }
  }

  private JsonNode parseText(byte[] json) throws CfxDecodeException {
    JsonParser p;
    try {
      p = mapper.createParser(json);
    } catch (IOException e) {
      throw error(DecodeError.Kind.NOT_JSON, "$", "not JSON: " + e.getMessage());
    }
    try (p) {
      JsonNode root = mapper.readTree(p);
      if (root == null || root.isMissingNode()) {
        throw error(DecodeError.Kind.EMPTY, "$", "payload holds no JSON value (blank text)");
      }
      return root;
    } catch (IOException e) {
      throw readFailure(e, p, json.length);
    }
  }

  /**
   * inflates a gzip payload, bounded by {@link CodecLimits#maxInflatedBytes()}.
   *
   * @param gzip an RFC 1952 stream (several members are concatenated).
   * @return the inflated bytes.
   * @throws CfxDecodeException for a corrupt, truncated or oversized stream.
   */
  public byte[] inflate(byte[] gzip) throws CfxDecodeException {
    try (InputStream in = new InflateLimit(new GZIPInputStream(new ByteArrayInputStream(gzip), 8192), limits.maxInflatedBytes(), gzip.length)) {
      return in.readAllBytes();
    } catch (TooLarge | EOFException | ZipException e) {
      throw readFailure(e, null, gzip.length);
    } catch (IOException e) {
      throw error(DecodeError.Kind.BAD_GZIP, "$", "unreadable gzip stream: " + e.getMessage());
    }
  }

  /**
   * whether bytes start with the gzip magic number (a JSON text cannot).
   *
   * @param payload bytes.
   * @return true for gzip.
   */
  public static boolean isGzip(byte[] payload) {
    return payload.length >= 2 && payload[0] == (byte) 0x1f && payload[1] == (byte) 0x8b;
  }

  private DecodeOutcome decodeTree(JsonNode node, int index, JsonPath path, @Nullable String text) {
    try {
      CfxEnvelope envelope = envelope(node);
      return new DecodeOutcome.Decoded(
          index, envelope, node, !(envelope.messageBody() instanceof GenericMessage), text != null ? text : node.toString());
    } catch (BindException e) {
      return new DecodeOutcome.Rejected(index, e.toError(path), node);
    }
  }

  private CfxEnvelope envelope(JsonNode node) throws BindException {
    return envelope(node, null);
  }

  /**
   * binds an envelope.
   *
   * @param bound the message body already bound as it streamed (its member in {@code node} is a
   *     placeholder), or null to bind it from {@code node}.
   */
  private CfxEnvelope envelope(JsonNode node, @Nullable CfxMessage bound) throws BindException {
    if (!node.isObject()) {
      throw new BindException(DecodeError.Kind.NOT_AN_ENVELOPE, "expected an envelope object, found " + ValueCodec.describe(node));
    }
    JsonNode[] members = new JsonNode[ENVELOPE_MEMBERS.length];
    String[] names = new String[ENVELOPE_MEMBERS.length];
    Map<String, JsonNode> extensions = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      Integer i = ENVELOPE_INDEX.get(m.getKey().toLowerCase(Locale.ROOT));
      // as in RecordCodec: the exact spelling wins a member, other spellings are kept as
      // extensions under their own names
      boolean exact = i != null && ENVELOPE_MEMBERS[i].equals(m.getKey());
      if (i != null && (members[i] == null || (exact && !ENVELOPE_MEMBERS[i].equals(names[i])))) {
        if (members[i] != null) {
          extensions = extensions == null ? new LinkedHashMap<>() : extensions;
          extensions.put(names[i], members[i]);
        }
        members[i] = m.getValue();
        names[i] = m.getKey();
      } else {
        if (extensions == null) {
          extensions = new LinkedHashMap<>();
        }
        extensions.put(m.getKey(), m.getValue());
      }
    }
    JsonNode nameNode = members[0];
    if (nameNode == null || nameNode.isNull()) {
      throw new BindException(DecodeError.Kind.MISSING_MESSAGE_NAME, "MessageName is missing").atMember("MessageName");
    }
    if (!nameNode.isTextual()) {
      throw ValueCodec.wrongType("the message name as a string", nameNode).atMember(names[0]);
    }
    String messageName = nameNode.textValue().trim();
    if (messageName.isEmpty()) {
      throw new BindException(DecodeError.Kind.MISSING_MESSAGE_NAME, "MessageName is empty").atMember(names[0]);
    }
    CfxMessage message = bound;
    JsonNode body = members[7];
    if (message == null) {
      if (body == null || body.isNull()) {
        throw new BindException(DecodeError.Kind.MISSING_MESSAGE_BODY, "MessageBody is missing for " + messageName).atMember("MessageBody");
      }
      if (!body.isObject()) {
        throw ValueCodec.wrongType("the message body as an object", body).atMember(names[7]);
      }
      try {
        message = body(messageName, body);
      } catch (BindException e) {
        throw e.atMember(names[7]);
      }
    }
    return new CfxEnvelope(
        string(members[1], names[1]),
        timestamp(members[2], names[2]),
        string(members[3], names[3]),
        string(members[4], names[4]),
        string(members[5], names[5]),
        string(members[6], names[6]),
        message,
        extensions == null ? Map.of() : extensions);
  }

  private static @Nullable String string(@Nullable JsonNode node, String name) throws BindException {
    try {
      return node == null || node.isNull() ? null : ScalarCodecs.STRING.read(node);
    } catch (BindException e) {
      throw e.atMember(name);
    }
  }

  private static @Nullable CfxTimestamp timestamp(@Nullable JsonNode node, String name) throws BindException {
    try {
      return node == null || node.isNull() ? null : ScalarCodecs.TIMESTAMP.read(node);
    } catch (BindException e) {
      throw e.atMember(name);
    }
  }

  private CfxMessage body(String messageName, JsonNode body) throws BindException {
    JsonNode type = body.get(RecordCodec.TYPE_MEMBER);
    // SDK >= 1.2 starts every body with "$type": "<MessageName>, CFX"; it is redundant with the
    // MessageName and regenerated on write. Any other $type text (another assembly name, another
    // type) is kept as an unknown member and written back verbatim.
    Optional<MessageEntry> entry = registry.message(messageName);
    String canonicalName = entry.map(MessageEntry::name).orElse(messageName);
    boolean redundantType =
        type != null && type.isTextual() && type.textValue().equals(canonicalName + ", CFX");
    if (entry.isPresent() && entry.get().type().isPresent()) {
      return factory.record(entry.get().type().get()).read(body, true);
    }
    Map<String, JsonNode> members = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      if (!(redundantType && m.getKey().equals(RecordCodec.TYPE_MEMBER))) {
        members.put(m.getKey(), m.getValue());
      }
    }
    return new GenericMessage(canonicalName, members);
  }

  /**
   * encodes one envelope as compact UTF-8 JSON.
   *
   * @param envelope the envelope.
   * @return the JSON bytes.
   */
  public byte[] encode(CfxEnvelope envelope) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = mapper.createGenerator(out)) {
      write(envelope, g);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding to memory failed", e);
    }
    return out.toByteArray();
  }

  /**
   * encodes envelopes as one JSON array (the batch form older SDKs send).
   *
   * @param envelopes the envelopes.
   * @return the JSON bytes.
   */
  public byte[] encodeBatch(List<CfxEnvelope> envelopes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024 * Math.max(1, envelopes.size()));
    try (JsonGenerator g = mapper.createGenerator(out)) {
      g.writeStartArray();
      for (CfxEnvelope e : envelopes) {
        write(e, g);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("encoding to memory failed", e);
    }
    return out.toByteArray();
  }

  /**
   * encodes one envelope and gzips it, as the SDK's default codec does since SDK 1.2.
   *
   * @param envelope the envelope.
   * @return the gzip bytes.
   */
  public byte[] encodeGzip(CfxEnvelope envelope) {
    return gzip(encode(envelope));
  }

  /**
   * the JSON tree an envelope encodes to.
   *
   * @param envelope the envelope.
   * @return the tree.
   */
  public JsonNode toTree(CfxEnvelope envelope) {
    try {
      return mapper.readTree(encode(envelope));
    } catch (IOException e) {
      throw new UncheckedIOException("re-reading our own JSON failed", e);
    }
  }

  /**
   * the Jackson mapper this codec parses with, for callers that handle raw JSON next to it.
   *
   * @return the mapper; do not reconfigure it.
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * gzips bytes (RFC 1952).
   *
   * @param bytes the data.
   * @return the compressed data.
   */
  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip to memory failed", e);
    }
    return out.toByteArray();
  }

  private void write(CfxEnvelope e, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("MessageName", e.messageName());
    g.writeStringField("Version", e.version());
    CfxTimestamp ts = e.timeStamp();
    g.writeStringField("TimeStamp", ts == null ? null : ts.text());
    g.writeStringField("UniqueID", e.uniqueId());
    g.writeStringField("Source", e.source());
    g.writeStringField("Target", e.target());
    g.writeStringField("RequestID", e.requestId());
    g.writeFieldName("MessageBody");
    writeBody(e.messageBody(), g);
    for (Map.Entry<String, JsonNode> x : e.extensions().entrySet()) {
      g.writeFieldName(x.getKey());
      g.writeTree(x.getValue());
    }
    g.writeEndObject();
  }

  @SuppressWarnings("unchecked")
  private void writeBody(CfxMessage body, JsonGenerator g) throws IOException {
    if (body instanceof GenericMessage generic) {
      g.writeStartObject();
      JsonNode kept = generic.extensions().get(RecordCodec.TYPE_MEMBER);
      if (kept != null) {
        g.writeFieldName(RecordCodec.TYPE_MEMBER);
        g.writeTree(kept);
      } else if (generic.messageName().startsWith("CFX.")) {
        g.writeStringField(RecordCodec.TYPE_MEMBER, generic.messageName() + ", CFX");
      }
      for (Map.Entry<String, JsonNode> m : generic.extensions().entrySet()) {
        if (!m.getKey().equals(RecordCodec.TYPE_MEMBER)) {
          g.writeFieldName(m.getKey());
          g.writeTree(m.getValue());
        }
      }
      g.writeEndObject();
      return;
    }
    ((RecordCodec<CfxMessage>) factory.record(body.getClass())).write(body, g, true);
  }

  private static CfxDecodeException error(DecodeError.Kind kind, String path, String reason) {
    return new CfxDecodeException(new DecodeError(kind, path, reason));
  }

  /** the JSON path where a parser stopped, for syntax and limit errors. */
  private static String pathOf(JsonParser p) {
    List<String> parts = new ArrayList<>();
    for (com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.add("." + c.getCurrentName());
      }
    }
    StringBuilder b = new StringBuilder("$");
    for (int i = parts.size() - 1; i >= 0; i--) {
      b.append(parts.get(i));
    }
    return b.toString();
  }
}
