package io.cfxtrace.endpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Decimal128;
import org.apache.qpid.proton.amqp.Decimal32;
import org.apache.qpid.proton.amqp.Decimal64;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnknownDescribedType;
import org.apache.qpid.proton.amqp.UnsignedByte;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.UnsignedLong;
import org.apache.qpid.proton.amqp.UnsignedShort;
import org.apache.qpid.proton.amqp.messaging.AmqpSequence;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Header;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * what {@link AmqpMessages#decode} makes of AMQP 1.0 messages the CFX SDK never sends but other
 * AMQP clients do (cfx-sdk-notes part b: the SDK writes exactly one Data section and reads nothing
 * else): a body that is no CFX payload is kept whole for its dead letter, as the JSON of {@link
 * AmqpBodyJson}, and a null application property stays null. Messages are built with Proton-J's
 * encoder, section by section, as they travel.
 */
class AmqpMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** a message's sections written one after the other, as on the wire. */
  private static byte[] encode(Object... sections) {
    DecoderImpl decoder = new DecoderImpl();
    EncoderImpl encoder = new EncoderImpl(decoder);
    AMQPDefinedTypes.registerAllTypes(decoder, encoder);
    ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
    encoder.setByteBuffer(buffer);
    Header header = new Header();
    header.setDurable(true);
    encoder.writeObject(header);
    for (Object s : sections) {
      encoder.writeObject(s);
    }
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  private static AmqpMessages.Received decode(byte[] message) {
    return AmqpMessages.decode(message, message.length);
  }

  private static JsonNode json(byte[] utf8) throws IOException {
    return JSON.readTree(utf8);
  }

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  @Test
  void amqpValueMapBodyIsKeptAsTheJsonOfTheWholeMapWithAReasonNamingIt() throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("MessageName", "CFX.Production.WorkStarted");
    map.put("UnitCount", 2);
    map.put("Lane", null);
    map.put("Units", List.of(Map.of("UnitIdentifier", "PNL1")));
    map.put("Source", Symbol.valueOf("Line1.Printer"));

    AmqpMessages.Received got = decode(encode(new AmqpValue(map)));

    assertThat(got.problem()).startsWith("AmqpValue body holds an AMQP map, not a string or binary CFX payload");
    assertThat(json(got.body()))
        .isEqualTo(json("{\"amqp-body\":[{\"amqp-value\":{\"MessageName\":\"CFX.Production.WorkStarted\",\"UnitCount\":{\"$int\":2},"
            + "\"Lane\":null,\"Units\":[{\"UnitIdentifier\":\"PNL1\"}],\"Source\":{\"$symbol\":\"Line1.Printer\"}}}]}"));
  }

  /** an AMQP value, and how the dead letter writes it. */
  static Stream<Arguments> amqpValues() {
    Map<Object, Object> intKeys = new LinkedHashMap<>();
    intKeys.put(1, "one");
    intKeys.put(Symbol.valueOf("two"), 2L);
    return Stream.of(
        Arguments.of("boolean", true, "true"),
        Arguments.of("symbol", Symbol.valueOf("cfx"), "{\"$symbol\":\"cfx\"}"),
        // a binary (or string) amqp-value is itself the CFX payload, so it is shown inside a list
        Arguments.of("binary", List.of(new Binary(new byte[] {1, 2, 3})), "[{\"$binary\":\"AQID\"}]"),
        Arguments.of("uuid", UUID.fromString("6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11"), "{\"$uuid\":\"6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11\"}"),
        Arguments.of("timestamp", new Date(1_700_000_000_123L), "{\"$timestamp\":1700000000123}"),
        Arguments.of("char", 'x', "{\"$char\":\"x\"}"),
        Arguments.of("byte", (byte) -7, "{\"$byte\":-7}"),
        Arguments.of("short", (short) 300, "{\"$short\":300}"),
        Arguments.of("int", 70_000, "{\"$int\":70000}"),
        Arguments.of("long", 1L << 40, "{\"$long\":1099511627776}"),
        Arguments.of("ubyte", UnsignedByte.valueOf((byte) 0xFF), "{\"$ubyte\":255}"),
        Arguments.of("ushort", UnsignedShort.valueOf((short) 0xFFFF), "{\"$ushort\":65535}"),
        Arguments.of("uint", UnsignedInteger.valueOf(0xFFFFFFFFL), "{\"$uint\":4294967295}"),
        Arguments.of("ulong", UnsignedLong.valueOf("18446744073709551615"), "{\"$ulong\":18446744073709551615}"),
        Arguments.of("float", 1.5f, "{\"$float\":1.5}"),
        Arguments.of("double NaN", Double.NaN, "{\"$double\":\"NaN\"}"),
        Arguments.of("decimal32", new Decimal32(0x2200000C), "{\"$decimal32\":\"2200000c\"}"),
        Arguments.of("decimal64", new Decimal64(0x2238000000000001L), "{\"$decimal64\":\"2238000000000001\"}"),
        Arguments.of("decimal128", new Decimal128(0x2208000000000000L, 5L), "{\"$decimal128\":\"22080000000000000000000000000005\"}"),
        Arguments.of("list", List.of("a", 1L), "[\"a\",{\"$long\":1}]"),
        Arguments.of("map with non-string keys", intKeys, "{\"$map\":[[{\"$int\":1},\"one\"],[{\"$symbol\":\"two\"},{\"$long\":2}]]}"),
        Arguments.of("map whose one key reads as a type tag", Map.of("$int", "x"), "{\"$map\":[[\"$int\",\"x\"]]}"),
        Arguments.of("array of int", new int[] {4, 5}, "{\"$array\":{\"of\":\"int\",\"items\":[{\"$int\":4},{\"$int\":5}]}}"),
        Arguments.of("array of symbol", new Symbol[] {Symbol.valueOf("a")}, "{\"$array\":{\"of\":\"symbol\",\"items\":[{\"$symbol\":\"a\"}]}}"),
        Arguments.of("described", new UnknownDescribedType(Symbol.valueOf("vendor:reading"), 7), "{\"$described\":[{\"$symbol\":\"vendor:reading\"},{\"$int\":7}]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("amqpValues")
  void amqpValueBodyIsWrittenWithItsAmqpTypeSoThatNothingIsLost(String type, Object value, String expected) throws IOException {
    AmqpMessages.Received got = decode(encode(new AmqpValue(value)));

    assertThat(got.problem()).contains("AmqpValue body holds an AMQP ");
    assertThat(json(got.body()).at("/amqp-body/0/amqp-value")).isEqualTo(json(expected));
  }

  @Test
  void amqpSequenceSectionsAreKeptAsJsonInWireOrder() throws IOException {
    AmqpMessages.Received got = decode(encode(new AmqpSequence(List.of("{\"MessageName\":")), new AmqpSequence(List.of(3, "x"))));

    assertThat(got.problem()).startsWith("AmqpSequence body (2 sections): CFX payloads are Data sections");
    assertThat(json(got.body()))
        .isEqualTo(json("{\"amqp-body\":[{\"amqp-sequence\":[\"{\\\"MessageName\\\":\"]},{\"amqp-sequence\":[{\"$int\":3},\"x\"]}]}"));
  }

  @Test
  void bodyMixingDataAndAmqpValueKeepsEverySectionAndSaysItMixes() throws IOException {
    AmqpMessages.Received got = decode(encode(new Data(new Binary("{}".getBytes(StandardCharsets.UTF_8))), new AmqpValue("{}")));

    assertThat(got.problem()).startsWith("body mixes Data, AmqpValue sections");
    assertThat(json(got.body())).isEqualTo(json("{\"amqp-body\":[{\"data\":\"e30=\"},{\"amqp-value\":\"{}\"}]}"));
  }

  @Test
  void amqpValueStringIsTheCfxPayloadAsSomeNonSdkSendersWriteIt() {
    String envelope = "{\"MessageName\":\"CFX.Heartbeat\",\"MessageBody\":{}}";

    AmqpMessages.Received got = decode(encode(new AmqpValue(envelope)));

    assertThat(got.problem()).isNull();
    assertThat(new String(got.body(), StandardCharsets.UTF_8)).isEqualTo(envelope);
  }

  @Test
  void valueNestedDeeperThanTheLimitIsKeptAsItsAmqpEncoding() throws IOException {
    Object nested = "bottom";
    for (int i = 0; i < AmqpBodyJson.MAX_DEPTH + 5; i++) {
      nested = List.of(nested);
    }
    AmqpValue section = new AmqpValue(nested);
    byte[] header = encode();
    byte[] message = encode(section);

    AmqpMessages.Received got = decode(message);

    byte[] kept = Base64.getDecoder().decode(json(got.body()).at("/amqp-body/0/encoded").asText());
    assertThat(kept).isEqualTo(Arrays.copyOfRange(message, header.length, message.length));
  }

  @Test
  void valueWhoseJsonWouldDwarfItsEncodingIsKeptAsItsAmqpEncoding() throws IOException {
    // ulong 0 takes one byte on the wire and twelve as {"$ulong":0},
    List<UnsignedLong> zeros = java.util.Collections.nCopies(2000, UnsignedLong.ZERO);
    byte[] header = encode();
    byte[] message = encode(new AmqpValue(zeros));

    AmqpMessages.Received got = decode(message);

    assertThat(got.body().length).isLessThan(AmqpBodyJson.MAX_JSON_PER_WIRE_BYTE * message.length);
    byte[] kept = Base64.getDecoder().decode(json(got.body()).at("/amqp-body/0/encoded").asText());
    assertThat(kept).isEqualTo(Arrays.copyOfRange(message, header.length, message.length));
  }

  @Test
  void bytesThatAreNotAnAmqpMessageAreKeptAsReceived() {
    byte[] garbage = "{\"MessageName\":\"CFX.Heartbeat\"}".getBytes(StandardCharsets.UTF_8);

    AmqpMessages.Received got = decode(garbage);

    assertThat(got.problem()).startsWith("not a valid AMQP message encoding");
    assertThat(got.body()).isEqualTo(garbage);
  }

  @Test
  void valueNestedTooDeeplyForTheDecoderIsKeptAsReceived() {
    // an amqp-value of 500,000 lists, each the only element of the one around it (list32 encoding)
    int levels = 500_000;
    ByteBuffer b = ByteBuffer.allocate(3 + 9 * levels + 1);
    b.put((byte) 0x00).put((byte) 0x53).put((byte) 0x77);
    for (int k = levels; k >= 1; k--) {
      b.put((byte) 0xd0).putInt(4 + 1 + 9 * (k - 1)).putInt(1);
    }
    b.put((byte) 0x40);
    byte[] message = b.array();

    AmqpMessages.Received got = decode(message);

    assertThat(got.problem()).startsWith("AMQP value nested too deeply to decode");
    assertThat(got.body()).isEqualTo(message);
  }

  @Test
  void messageWithoutABodyHasAnEmptyPayloadAndSaysSo() {
    AmqpMessages.Received got = decode(encode(new Properties()));

    assertThat(got.problem()).isEqualTo("the message has no body section");
    assertThat(got.body()).isEmpty();
  }

  @Test
  void nullApplicationPropertyStaysNullAndIsNeverTheTextNull() {
    // the SDK (AmqpUtilities, SDK 1.2+) writes cfx-target = Target, which is null for every event
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("cfx-topic", "CFX.Production");
    app.put("cfx-target", null);
    app.put("offset", 1);

    AmqpMessages.Received got = decode(encode(new ApplicationProperties(app), new Data(new Binary(new byte[] {'{', '}'}))));

    Map<String, String> read = got.properties().applicationProperties();
    assertThat(new ArrayList<>(read.keySet())).containsExactly("cfx-topic", "cfx-target", "offset");
    assertThat(read.get("cfx-target")).isNull();
    assertThat(read).containsEntry("cfx-topic", "CFX.Production").containsEntry("offset", "1");
  }
}
