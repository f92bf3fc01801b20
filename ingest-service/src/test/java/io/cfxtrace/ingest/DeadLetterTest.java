package io.cfxtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.normalize.CfxNormalizer;
import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.codec.CfxCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** every class of bad input ends as a dead letter with its bytes and reason; nothing is lost. */
@Timeout(60)
class DeadLetterTest {

  private static TestDatabase db;
  private static IngestPipeline pipeline;

  @BeforeAll
  static void start() {
    db = TestDatabase.migrated();
    pipeline =
        new IngestPipeline(db.dataSource(), new CfxNormalizer(), depth -> new IngestMetrics(new SimpleMeterRegistry(), depth), ZoneOffset.UTC,
            100, 10, Duration.ofMillis(5), Duration.ofSeconds(1));
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @BeforeEach
  void empty() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("truncate dead_letter, raw_message, envelope_key, unit_event");
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> badPayloads() {
    String ws = "{\"MessageName\":\"CFX.Production.WorkStarted\",\"UniqueID\":\"0b6c1f4e-7d7e-4a5a-9d0e-7d2c3f3b2a10\",\"MessageBody\":{\"Lane\":1}}";
    byte[] gz = CfxCodec.gzip(utf8(ws));
    return Stream.of(
        Arguments.of("not JSON", utf8("MessageName=WorkStarted"), "NOT_JSON", "not JSON"),
        Arguments.of("empty payload", new byte[0], "EMPTY", "empty"),
        Arguments.of("truncated gzip", Arrays.copyOf(gz, gz.length / 2), "TRUNCATED_GZIP", "truncated"),
        Arguments.of("root is not an envelope", utf8("42"), "NOT_AN_ENVELOPE", "expected an envelope object"),
        Arguments.of("missing MessageName", utf8("{\"MessageBody\":{}}"), "MISSING_MESSAGE_NAME", "$.MessageName"),
        Arguments.of("wrong member type", utf8(ws.replace("\"Lane\":1", "\"Lane\":[1]")), "WRONG_TYPE", "$.MessageBody.Lane"),
        Arguments.of("malformed timestamp", utf8(ws.replace("\"MessageBody\"", "\"TimeStamp\":\"yesterday\",\"MessageBody\"")), "BAD_VALUE", "$.TimeStamp"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayloads")
  void badInputIsKeptAsADeadLetterWithItsBytesAndReason(String what, byte[] payload, String kind, String reasonPart) throws Exception {
    pipeline.store(TestMessages.decode(payload)).toCompletableFuture().get(20, TimeUnit.SECONDS);

    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select kind, reason, payload, (select count(*) from raw_message) from dead_letter")) {
      assertThat(rs.next()).as("a dead letter for " + what).isTrue();
      assertThat(rs.getString(1)).isEqualTo(kind);
      assertThat(rs.getString(2)).contains(reasonPart);
      assertThat(rs.getBytes(3)).isEqualTo(payload);
      assertThat(rs.getLong(4)).isZero();
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void aBadEnvelopeInABatchIsDeadLetteredWhileTheGoodOnesAreStored() throws Exception {
    String good = "{\"MessageName\":\"CFX.Production.UnitsArrived\",\"UniqueID\":\"1b6c1f4e-7d7e-4a5a-9d0e-7d2c3f3b2a11\",\"MessageBody\":{\"PrimaryIdentifier\":\"SN-1\"}}";
    String bad = "{\"MessageName\":\"CFX.Production.UnitsArrived\",\"MessageBody\":{\"Lane\":\"left\"}}";

    pipeline.store(TestMessages.decode(utf8("[" + good + "," + bad + "]"))).toCompletableFuture().get(20, TimeUnit.SECONDS);

    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select (select count(*) from raw_message), (select count(*) from dead_letter where reason like '$[1].MessageBody.Lane%')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
      assertThat(rs.getLong(2)).isEqualTo(1);
    }
  }
}
