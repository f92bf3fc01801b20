package io.cfxtrace.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cfxtrace.ingest.testing.TestMessages;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * what {@link FuzzNormalizerTest} found, and the hostile payloads kept with its findings (the JSON
 * files of {@code FuzzNormalizerTestInputs/}): each is normalised in memory without an exception
 * but {@link io.cfxtrace.ingest.store.StoreValues.Refused}, and each, stored through the real
 * pipeline on the embedded database, ends within seconds with every envelope in the raw log or a
 * dead letter and every undecodable part a dead letter: never retried for ever, never lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class FuzzFindingsTest {

  private static final String INPUTS = "FuzzNormalizerTestInputs/normalisingADecodedEnvelopeThrowsNothingButRefused";
  private static final CfxCodec CODEC = new CfxCodec();

  private EventStore store;

  @BeforeAll
  void openStore() {
    store = EventStore.open();
  }

  @AfterAll
  void closeStore() {
    store.close();
  }

  static List<Path> findings() throws IOException, URISyntaxException {
    URL dir = FuzzFindingsTest.class.getResource(INPUTS);
    assertThat(dir).as(INPUTS + " on the test class path").isNotNull();
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  private static Path finding(String name) throws IOException, URISyntaxException {
    return findings().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findings")
  void findingIsNormalisedInMemoryWithoutAnExceptionButRefused(Path finding) throws IOException {
    byte[] payload = Files.readAllBytes(finding);

    assertThatCode(() -> InMemoryNormalization.normalise(CODEC, payload)).doesNotThrowAnyException();
  }

  /**
   * found by FuzzNormalizerTest: a solder paste printer's CycleTime (CFX TimeSpan) of more than
   * 292 years overflowed Duration#toNanos in ProcessDataProjector (ArithmeticException), so the
   * message's rows were lost to a NORMALIZATION dead letter with an ERROR log; the .NET TimeSpan
   * range goes to 10,675,199 days (crash-printing-cycle-time-of-ten-million-days.json).
   */
  @Test
  void printingCycleTimeOfTenMillionDaysIsKeptInSeconds() throws Exception {
    byte[] payload = Files.readAllBytes(finding("crash-printing-cycle-time-of-ten-million-days.json"));

    InMemoryNormalization.Result result = InMemoryNormalization.normalise(CODEC, payload);

    List<Object> cycleTimes = new ArrayList<>();
    // process_value columns: ..., parameter (7), value (8), value_text, unit_of_measure (10), unique_id
    result.rows().processValues.forEach(row -> {
      if ("CycleTime".equals(row[7])) {
        cycleTimes.add(row[8]);
        assertThat(row[10]).isEqualTo("s");
      }
    });
    // TimeSpan.MaxValue: 922,337,203,685.4775807 s
    assertThat(cycleTimes).containsExactly(922_337_203_685.4775807);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findings")
  void findingEndsStoredOrAsADeadLetterThroughThePipeline(Path finding) throws IOException, SQLException {
    byte[] payload = Files.readAllBytes(finding);
    store.reset();
    Set<UUID> envelopes = new HashSet<>();
    int undecodable = 0;
    for (DecodeOutcome o : CODEC.decode(payload)) {
      if (o instanceof DecodeOutcome.Decoded d) {
        envelopes.add(StoredEnvelope.keyOf(d.envelope().uniqueId(), d::json));
      } else {
        undecodable++;
      }
    }

    store.store(TestMessages.decode(payload)); // fails the test if not committed within 30 s

    long raw = store.count("select count(*) from raw_message");
    long refusedEnvelopes = store.count("select count(*) from dead_letter where kind in ('REFUSED_VALUE', 'REFUSED_BY_DATABASE')");
    long undecodableLetters = store.count("select count(*) from dead_letter where kind not in ('REFUSED_VALUE', 'REFUSED_BY_DATABASE', 'NORMALIZATION')");
    assertThat(raw + refusedEnvelopes).as("envelopes in the raw log or kept whole as dead letters").isEqualTo(envelopes.size());
    assertThat(undecodableLetters).as("undecodable parts kept as dead letters").isEqualTo(undecodable);
    assertThat(store.column("select reason from dead_letter where kind = 'NORMALIZATION'"))
        .as("messages whose rows the normaliser failed to make, other than for a value the store refuses")
        .noneMatch(reason -> reason.contains("Exception"));
  }
}
