package io.cfxtrace.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.model.CfxEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * the streaming decoder (issue #13: a 30 MB UnitsInspected bound to records without its text or
 * tree) gives exactly what the tree decoder gives: the same envelope for every golden fixture,
 * plain and gzip, and the same error kind and path for every bad input.
 */
class StreamingDecodeTest {

  private static final CfxCodec CODEC = new CfxCodec();

  /** the fixtures that hold one decodable envelope object (batches have their own test below). */
  static Stream<Path> fixtures() {
    return Stream.concat(Fixtures.json("examples").stream(), Fixtures.json("legacy").stream())
        .filter(f -> payloadIsAnObject(Fixtures.read(f)) && CODEC.decode(Fixtures.read(f)).get(0) instanceof DecodeOutcome.Decoded);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyFixtureStreamsToTheEnvelopeTheTreeDecoderGives(Path file) throws Exception {
    byte[] payload = Fixtures.read(file);
    DecodeOutcome.Decoded d = (DecodeOutcome.Decoded) CODEC.decode(payload).get(0);
    CfxEnvelope streamed = CODEC.decodeStreaming(payload);
    assertThat(streamed).isEqualTo(d.envelope());
    assertThat(CODEC.decodeStreaming(CfxCodec.gzip(payload))).isEqualTo(d.envelope());
    assertThat(CODEC.encode(streamed)).isEqualTo(CODEC.encode(d.envelope()));
  }

  private static boolean payloadIsAnObject(byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8).stripLeading();
    return text.startsWith("{") || text.startsWith("\uFEFF{");
  }

  static Stream<Arguments> badPayloads() {
    return BadInputTest.badPayloads();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayloads")
  void badInputIsRefusedWithTheTreeDecodersKindAndPath(String what, byte[] payload, DecodeError.Kind kind, String path) {
    assertThatThrownBy(() -> CODEC.decodeStreaming(payload))
        .isInstanceOfSatisfying(
            CfxDecodeException.class,
            e -> {
              assertThat(e.error().kind()).as(what).isEqualTo(kind);
              assertThat(e.error().path()).as(what).isEqualTo(path);
            });
  }

  @Test
  void aBatchArrayIsLeftToTheTreeDecoderThatKeepsEachElementsText() throws Exception {
    byte[] batch = ("[" + BadInputTest.workStarted("") + "]").getBytes(StandardCharsets.UTF_8);
    assertThat(CODEC.decodeStreaming(batch)).isNull();
  }

  @Test
  void membersInAnyOrderAndSpellingBindAsTheTreeDecoderBindsThem() throws Exception {
    String json =
        "{\"MessageBody\":{\"lane\":2,\"Lane\":3,\"TransactionID\":\"d3c1a2d4-35c6-4b1e-9a0e-1f5e6a7b8c9d\",\"Extra\":[1,{\"a\":null}]},"
            + "\"MessageName\":\"CFX.Production.WorkStarted\",\"UniqueID\":\"6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11\",\"uniqueid\":\"x\",\"Other\":true}";
    String bodyAfterName =
        "{\"MessageName\":\"CFX.Production.WorkStarted\",\"MessageBody\":{\"lane\":2,\"Lane\":3,\"TransactionID\":\"d3c1a2d4-35c6-4b1e-9a0e-1f5e6a7b8c9d\",\"Extra\":[1,{\"a\":null}]},"
            + "\"UniqueID\":\"6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11\",\"uniqueid\":\"x\",\"Other\":true}";
    for (String s : List.of(json, bodyAfterName)) {
      byte[] payload = s.getBytes(StandardCharsets.UTF_8);
      DecodeOutcome.Decoded tree = (DecodeOutcome.Decoded) CODEC.decode(payload).get(0);
      assertThat(CODEC.decodeStreaming(payload)).isEqualTo(tree.envelope());
    }
  }

  @Test
  void aPolymorphicMemberBindsTheSameWhereverItsTypeStandsAndWhateverTypeItNames() throws Exception {
    // the SPI fixture's measurements: $type first (as the SDK writes, bound as the parser streams),
    // $type last, a $type no family knows and a $type of another family (both kept whole as
    // unknown structures), and none at all
    byte[] spi = Fixtures.read(Fixtures.dir("examples").resolve("CFX.Production.TestAndInspection.UnitsInspected.spi.json"));
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    for (java.util.function.UnaryOperator<com.fasterxml.jackson.databind.node.ObjectNode> change : List.<java.util.function.UnaryOperator<com.fasterxml.jackson.databind.node.ObjectNode>>of(
        o -> o,
        o -> {
          com.fasterxml.jackson.databind.JsonNode type = o.remove("$type");
          return type == null ? o : o.set("$type", type);
        },
        o -> o.has("$type") ? o.put("$type", "CFX.Structures.NoSuchMeasurement, CFX") : o,
        o -> o.has("$type") ? o.put("$type", "CFX.Structures.Defect, CFX") : o,
        o -> {
          o.remove("$type");
          return o;
        })) {
      com.fasterxml.jackson.databind.JsonNode envelope = mapper.readTree(spi);
      int[] changed = {0};
      envelope.findParents("MeasurementName").forEach(m -> {
        change.apply((com.fasterxml.jackson.databind.node.ObjectNode) m);
        changed[0]++;
      });
      assertThat(changed[0]).isPositive();
      byte[] payload = mapper.writeValueAsBytes(envelope);
      DecodeOutcome.Decoded tree = (DecodeOutcome.Decoded) CODEC.decode(payload).get(0);
      assertThat(CODEC.decodeStreaming(payload)).isEqualTo(tree.envelope());
      assertThat(CODEC.encode(CODEC.decodeStreaming(payload))).isEqualTo(CODEC.encode(tree.envelope()));
    }
  }

  @Test
  void theTextStreamIsTheInflatedPayloadWithoutItsByteOrderMark() throws IOException {
    byte[] json = BadInputTest.workStarted("").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);
    for (byte[] payload : List.of(json, withBom, CfxCodec.gzip(withBom))) {
      try (InputStream in = CODEC.openText(payload)) {
        assertThat(in.readAllBytes()).isEqualTo(json);
      }
    }
  }
}
