package io.cfxtrace.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.model.codec.DecodeError.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** every class of bad input gives a typed error naming the JSON path and the reason. */
class BadInputTest {

  private static final CfxCodec CODEC = new CfxCodec();

  static String workStarted(String bodyMembers) {
    return "{\"MessageName\":\"CFX.Production.WorkStarted\",\"Version\":\"2.1\","
        + "\"TimeStamp\":\"2026-03-14T09:26:53.5897932+01:00\",\"UniqueID\":\"6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11\","
        + "\"Source\":\"Vendor.Printer.SN1\",\"Target\":null,\"RequestID\":null,"
        + "\"MessageBody\":{\"$type\":\"CFX.Production.WorkStarted, CFX\"" + bodyMembers + "}}";
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> badPayloads() {
    byte[] gz = CfxCodec.gzip(utf8(workStarted(",\"Lane\":1")));
    return Stream.of(
        Arguments.of("empty payload", new byte[0], Kind.EMPTY, "$"),
        Arguments.of("blank text", utf8("   \n"), Kind.EMPTY, "$"),
        Arguments.of("not JSON", utf8("MessageName=WorkStarted"), Kind.NOT_JSON, "$"),
        Arguments.of("truncated JSON", utf8("{\"MessageName\":\"CFX.Heartbeat\",\"MessageBody\":{\"CFXHandle\":"), Kind.NOT_JSON, "$.MessageBody.CFXHandle"),
        Arguments.of("trailing content", utf8(workStarted("") + " {}"), Kind.NOT_JSON, "$"),
        Arguments.of("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, Kind.NOT_JSON, "$.a"),
        Arguments.of("truncated gzip", Arrays.copyOf(gz, gz.length / 2), Kind.TRUNCATED_GZIP, "$"),
        Arguments.of("corrupt gzip", corruptGzip(gz), Kind.BAD_GZIP, "$"),
        Arguments.of("root is a number", utf8("42"), Kind.NOT_AN_ENVELOPE, "$"),
        Arguments.of("missing MessageName", utf8("{\"Version\":\"2.1\",\"MessageBody\":{}}"), Kind.MISSING_MESSAGE_NAME, "$.MessageName"),
        Arguments.of("null MessageName", utf8("{\"MessageName\":null,\"MessageBody\":{}}"), Kind.MISSING_MESSAGE_NAME, "$.MessageName"),
        Arguments.of("numeric MessageName", utf8("{\"MessageName\":7,\"MessageBody\":{}}"), Kind.WRONG_TYPE, "$.MessageName"),
        Arguments.of("missing MessageBody", utf8("{\"MessageName\":\"CFX.Heartbeat\"}"), Kind.MISSING_MESSAGE_BODY, "$.MessageBody"),
        Arguments.of("body is an array", utf8("{\"MessageName\":\"CFX.Heartbeat\",\"MessageBody\":[]}"), Kind.WRONG_TYPE, "$.MessageBody"),
        Arguments.of("malformed TimeStamp", utf8(workStarted("").replace("2026-03-14T09:26:53.5897932+01:00", "14/03/2026 09:26")), Kind.BAD_VALUE, "$.TimeStamp"),
        // not Lane, whose free text early SDK 1.0 builds wrote (LegacyText)
        Arguments.of("text in an integer member", utf8(workStarted(",\"UnitCount\":\"two\"")), Kind.BAD_VALUE, "$.MessageBody.UnitCount"),
        Arguments.of("fraction in an integer member", utf8(workStarted(",\"Lane\":1.5")), Kind.BAD_VALUE, "$.MessageBody.Lane"),
        Arguments.of("object where a list belongs", utf8(workStarted(",\"Units\":{}")), Kind.WRONG_TYPE, "$.MessageBody.Units"),
        Arguments.of("boolean in a nested integer", utf8(workStarted(",\"Units\":[{\"PositionNumber\":1},{\"PositionNumber\":true}]")), Kind.WRONG_TYPE, "$.MessageBody.Units[1].PositionNumber"),
        Arguments.of("array where a string belongs", utf8(workStarted(",\"PrimaryIdentifier\":[\"A\"]")), Kind.WRONG_TYPE, "$.MessageBody.PrimaryIdentifier"),
        Arguments.of("object where an enum belongs", utf8(workStarted(",\"RelevantSurface\":{}")), Kind.WRONG_TYPE, "$.MessageBody.RelevantSurface"));
  }

  private static byte[] corruptGzip(byte[] gz) {
    byte[] bad = gz.clone();
    bad[2] = 7; // compression method other than deflate (8): not a valid RFC 1952 header
    return bad;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayloads")
  void badPayloadIsRejectedWithItsKindAndPath(String what, byte[] payload, Kind kind, String path) {
    List<DecodeOutcome> outcomes = CODEC.decode(payload);

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0)).isInstanceOf(DecodeOutcome.Rejected.class);
    DecodeError error = ((DecodeOutcome.Rejected) outcomes.get(0)).error();
    assertThat(error.kind()).as(error.toString()).isEqualTo(kind);
    assertThat(error.path()).as(error.toString()).isEqualTo(path);
    assertThat(error.reason()).isNotBlank();
  }

  @Test
  void payloadOverTheSizeLimitIsRejectedBeforeParsing() {
    CfxCodec small = new CfxCodec(CodecLimits.defaults().withMaxPayloadBytes(100));
    byte[] payload = utf8(workStarted(",\"PrimaryIdentifier\":\"" + "P".repeat(200) + "\""));

    DecodeError error = ((DecodeOutcome.Rejected) small.decode(payload).get(0)).error();

    assertThat(error.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(error.reason()).contains(String.valueOf(payload.length)).contains("100");
  }

  @Test
  void gzipBombIsStoppedAtTheInflatedLimit() {
    CfxCodec codec = new CfxCodec(CodecLimits.defaults().withMaxPayloadBytes(64 * 1024).withMaxInflatedBytes(1024 * 1024));
    byte[] bomb = CfxCodec.gzip(new byte[50 * 1024 * 1024]);
    assertThat(bomb.length).isLessThan(64 * 1024);

    DecodeError error = ((DecodeOutcome.Rejected) codec.decode(bomb).get(0)).error();

    assertThat(error.kind()).isEqualTo(Kind.INFLATED_TOO_LARGE);
    assertThat(error.reason()).contains("1048576");
  }

  @Test
  void nestingDeeperThanTheLimitIsRejectedWithItsPath() {
    CfxCodec codec = new CfxCodec(CodecLimits.defaults().withMaxDepth(16));
    String deep = "[".repeat(40) + "]".repeat(40);
    byte[] payload = utf8("{\"MessageName\":\"Vendor.Custom\",\"MessageBody\":{\"Deep\":" + deep + "}}");

    DecodeError error = ((DecodeOutcome.Rejected) codec.decode(payload).get(0)).error();

    assertThat(error.kind()).isEqualTo(Kind.TOO_DEEP);
    assertThat(error.path()).startsWith("$.MessageBody.Deep[0]");
    assertThat(error.reason()).contains("16");
  }

  @Test
  void batchLargerThanTheLimitIsRejectedAsAWhole() {
    CfxCodec codec = new CfxCodec(CodecLimits.defaults().withMaxBatchSize(2));
    String one = workStarted("");
    byte[] payload = utf8("[" + one + "," + one + "," + one + "]");

    DecodeError error = ((DecodeOutcome.Rejected) codec.decode(payload).get(0)).error();

    assertThat(error.kind()).isEqualTo(Kind.BATCH_TOO_LARGE);
  }

  @Test
  void oneBadEnvelopeInABatchDoesNotSpoilTheOthers() {
    String good = workStarted(",\"Lane\":1");
    String bad = workStarted(",\"Lane\":1.5");
    List<DecodeOutcome> outcomes = CODEC.decode(utf8("[" + good + "," + bad + "," + good + "]"));

    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(0)).isInstanceOf(DecodeOutcome.Decoded.class);
    assertThat(outcomes.get(2)).isInstanceOf(DecodeOutcome.Decoded.class);
    DecodeOutcome.Rejected rejected = (DecodeOutcome.Rejected) outcomes.get(1);
    assertThat(rejected.index()).isEqualTo(1);
    assertThat(rejected.error().path()).isEqualTo("$[1].MessageBody.Lane");
    assertThat(rejected.raw()).isPresent();
  }

  @Test
  void decodeEnvelopeThrowsACheckedErrorForABatch() {
    byte[] payload = utf8("[" + workStarted("") + "," + workStarted("") + "]");

    assertThatThrownBy(() -> CODEC.decodeEnvelope(payload))
        .isInstanceOf(CfxDecodeException.class)
        .hasMessageContaining("batch of 2");
  }

  @Test
  void invalidLimitsAreRefusedNamingTheLimit() {
    assertThatThrownBy(() -> new CodecLimits(0, 10, 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPayloadBytes");
    assertThatThrownBy(() -> CodecLimits.defaults().withMaxDepth(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDepth");
  }
}
