package io.cfxtrace.ingest.normalize;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.ingest.store.StoreValues;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * coverage-guided fuzzing of the ingest normaliser with Jazzer: whatever envelope the codec lets
 * through, turning it into rows throws nothing but {@link StoreValues.Refused}.
 *
 * <p><b>What is fuzzed.</b> Each input stands for a CFX payload, which goes through {@link
 * InMemoryNormalization}: the real codec, the pipeline's raw-log row and store key, the
 * normaliser's table of projectors ({@link Projections}) with its {@link UnitResolver} and {@link
 * MaterialPackages}, the batch's COPY encoding; only the database is left out. An input is either
 *
 * <ul>
 *   <li>the payload itself (JSON, one envelope or a batch), which libFuzzer mutates byte by byte
 *       from the golden fixtures; or
 *   <li>the byte {@link #EDITED} and then choices of a fixture that has rows and of up to eight
 *       edits of its tree ({@link Edits}): extremes, nulls, NULs, over-long and shared
 *       identifiers, removals, parts moved. These stay valid JSON, so most reach the projectors.
 * </ul>
 *
 * <p><b>Property.</b> The one exception allowed is {@link StoreValues.Refused}: a value the store
 * cannot hold (a NUL, an over-long or unprintable key), which the pipeline turns into a dead letter
 * naming the field. Anything else (NullPointerException, ClassCastException, an index out of
 * bounds, an arithmetic overflow, a DateTimeException) reaches the pipeline as a failure of the
 * normaliser: a dead letter and an ERROR log, or a batch retried over and over if thrown outside
 * the per-envelope guard. Each is a bug in a projector. The failure message gives the payload's
 * JSON.
 *
 * <p><b>Seeds</b>: every golden fixture of cfx-model ({@code src/test/resources/cfx/examples}) and
 * of this module ({@code src/test/resources/cfx}), compacted; the doc examples of one work
 * transaction as one batch; a few edited inputs; and past findings ({@code crash-*.json}, golden
 * files of the payload) under {@code FuzzNormalizerTestInputs/} in the test resources. {@code
 * cfx-normalize.dict} holds the members the projectors read and values that stress them.
 *
 * <p><b>How long.</b> As cfx-model's FuzzDecoderTest: {@code mvn verify} runs this class alone in
 * the {@code fuzz-normalizer} execution (ingest-service/pom.xml) with {@code JAZZER_FUZZ=1} for
 * {@code cfx.fuzz.normalizer.seconds} (default 15); {@code -Dcfx.fuzz.normalizer.seconds=600}
 * fuzzes longer, {@code -Dcfx.fuzz.skip=true} skips it. Without {@code JAZZER_FUZZ} it replays the
 * seeds and findings only. A finding is written as {@code ingest-service/target/jazzer/crash-<sha1>}
 * (for an edited input, keep the JSON from the failure message instead: the bytes of an edited
 * input name fixtures by position). {@link FuzzFindingsTest} holds each finding as a regression
 * test, and takes every finding through the real pipeline on the embedded database.
 */
class FuzzNormalizerTest {

  private static final ZoneOffset ZONELESS = InMemoryNormalization.ZONELESS;

  /** the codec the listener uses by default, made after Jazzer has instrumented the classes. */
  private static final class Codec {
    static final CfxCodec INSTANCE = new CfxCodec();
  }

  @MethodSource("fixtures")
  @DictionaryFile(resourcePath = "cfx-normalize.dict")
  @FuzzTest(maxDuration = "15s")
  void normalisingADecodedEnvelopeThrowsNothingButRefused(byte[] input) throws SQLException {
    byte[] payload = input.length > 0 && input[0] == EDITED ? Edits.apply(Fixtures.TREES, input) : input;
    try {
      InMemoryNormalization.normalise(Codec.INSTANCE, payload);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "normalising threw " + e + "\n  the payload (a finding is kept as FuzzNormalizerTestInputs/"
              + "normalisingADecodedEnvelopeThrowsNothingButRefused/crash-<what>.json):\n"
              + new String(payload, StandardCharsets.UTF_8),
          e);
    }
  }

  // ---- structured inputs

  /** first byte of an input that is not JSON but a fixture and edits to its tree ({@link Edits}). */
  static final byte EDITED = 0x00;

  /** the trees of the fixtures that have rows to project (and the one-transaction batch), read once. */
  private static final class Fixtures {
    static final List<JsonNode> TREES = trees();

    private static List<JsonNode> trees() {
      var projected = new Projections(new UnitResolver(tx -> new UnitResolver.Tx(tx)), new MaterialPackages(ZONELESS), ZONELESS).projected();
      List<JsonNode> trees = new ArrayList<>();
      try {
        for (Path f : fixtureFiles()) {
          boolean hasRows =
              Codec.INSTANCE.decode(Files.readAllBytes(f)).stream()
                  .anyMatch(o -> o instanceof DecodeOutcome.Decoded d && projected.contains(d.envelope().messageBody().getClass()));
          if (hasRows) {
            trees.add(tree(f));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      trees.add(oneTransaction());
      return trees;
    }
  }

  // ---- seeds

  private static final ObjectMapper JSON = new ObjectMapper();

  /** the module directory: surefire's basedir, or the working directory of an IDE run. */
  private static Path module() {
    return Path.of(System.getProperty("basedir", "."));
  }

  /** one work transaction: the SDK's examples of TransactionID 2c24590d-… and two per-unit results moved into it. */
  private static final String TRANSACTION = "2c24590d-39c5-4039-96a5-91900cecedfa";

  private static final List<String> ONE_TRANSACTION =
      List.of(
          "CFX.Production.WorkStarted.json",
          "CFX.Production.WorkStageStarted.json",
          "CFX.Production.Assembly.MaterialsInstalled.json",
          "CFX.Production.ActivitiesExecuted.json",
          "CFX.Production.TestAndInspection.UnitsInspected.json",
          "CFX.Production.WorkStageCompleted.json",
          "CFX.Production.WorkCompleted.json");

  private static Path examples() {
    return module().resolve("../cfx-model/src/test/resources/cfx/examples").normalize();
  }

  /** the golden fixtures of cfx-model and of this module, in a fixed order. */
  static List<Path> fixtureFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(examples(), module().resolve("src/test/resources/cfx"))) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    if (files.size() < 100) {
      throw new IllegalStateException("the golden fixtures are not where expected: " + examples());
    }
    return files;
  }

  /**
   * every golden fixture, compacted; one batch of a transaction's examples; and a few edited
   * fixtures, whose bytes the fuzzer mutates into other fixtures and edits.
   */
  static Stream<Arguments> fixtures() throws IOException {
    List<Arguments> seeds = new ArrayList<>();
    for (Path f : fixtureFiles()) {
      seeds.add(Arguments.of((Object) compact(f)));
    }
    for (int fixture = 0; fixture < 256; fixture += 37) {
      seeds.add(Arguments.of((Object) new byte[] {EDITED, 0, (byte) fixture, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}));
    }
    seeds.add(Arguments.of((Object) oneTransaction().toString().getBytes(StandardCharsets.UTF_8)));
    return seeds.stream();
  }

  /** the messages of one work transaction as one batch (an array, as old firmware sends), one minute apart. */
  private static ArrayNode oneTransaction() {
    Path examples = examples();
    ArrayNode batch = JSON.createArrayNode();
    for (int i = 0; i < ONE_TRANSACTION.size(); i++) {
      ObjectNode envelope = (ObjectNode) tree(examples.resolve(ONE_TRANSACTION.get(i)));
      envelope.put("TimeStamp", "2026-03-16T08:0" + i + ":00+00:00");
      ObjectNode body = (ObjectNode) envelope.get("MessageBody");
      if (body.has("TransactionId")) {
        body.put("TransactionId", TRANSACTION);
      }
      batch.add(envelope);
    }
    return batch;
  }

  private static byte[] compact(Path file) {
    return tree(file).toString().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode tree(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
