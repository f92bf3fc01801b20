package io.cfxtrace.simulators.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.simulators.testing.CliRun;
import io.cfxtrace.simulators.testing.Services;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * the real path end to end: {@code ./cfx simulate} publishes a simulated line over AMQP to the
 * ingest service's listener (its own Micronaut context, writing a fresh database), then the query
 * service (a second context over the same store, ingest off) is asked over HTTP, for every board,
 * for its birth certificate and, for every reel and paste cartridge, for its where-used; the
 * answers must match the simulator's ground truth.
 */
@Timeout(300)
class SimulatedLineGenealogyTest {

  /**
   * a seed whose 32 boards see splices, a reel change, a paste change, AOI defects repaired and
   * boards disqualified (the first test checks what the truth can show of it).
   */
  private static final String SEED = "19";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static Services services;
  private static String cliOutput;
  private static List<TruthLink> truth;

  @BeforeAll
  static void runASimulatedLineIntoTheServices() throws IOException {
    // the real ingest service (it migrates the store itself, as deployed) with its listener
    services = Services.start();
    Path truthFile = dir.resolve("truth.jsonl");
    CliRun run = CliRun.of("simulate", "--fast", "--boards", "32", "--panel-size", "4", "--seed", SEED, "--start", "2026-05-04T06:00:00+02:00",
        "--target", "amqp://127.0.0.1:" + services.listener().port() + "/cfx", "--truth", truthFile.toString());
    cliOutput = run.out() + run.err();
    assertThat(run.exit()).as(cliOutput).isZero();
    // exit 0 means every envelope was Accepted, which the listener does only once it is committed
    truth = Files.readAllLines(truthFile).stream().map(TruthLink::parse).toList();
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.close();
    }
  }

  @Test
  void theSimulatedLineCoversSplicesReelChangesAndPasteChanges() {
    assertThat(truth).isNotEmpty();
    assertThat(cliOutput).contains("published").contains("all accepted");
    Map<String, Set<String>> packagesPerPart = truth.stream()
        .collect(Collectors.groupingBy(TruthLink::partNumber, Collectors.mapping(TruthLink::materialPackage, Collectors.toSet())));
    assertThat(packagesPerPart).as("packages per part number").anySatisfy((part, packages) -> assertThat(packages).hasSizeGreaterThan(1));
    assertThat(packagesPerPart.get("PASTE-SAC305-T4")).as("paste cartridges").hasSizeGreaterThan(1);
  }

  @Test
  void everyBoardsBirthCertificateListsExactlyTheMaterialsTheLineInstalled() {
    Map<String, List<TruthLink>> bySerial = truth.stream().collect(Collectors.groupingBy(TruthLink::serial, LinkedHashMap::new, Collectors.toList()));
    assertThat(bySerial).hasSize(32);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<TruthLink>> board : bySerial.entrySet()) {
      JsonNode certificate = get("/api/units/" + encode(board.getKey()));
      Set<String> exact = new TreeSet<>();
      Set<String> inferred = new TreeSet<>();
      for (JsonNode m : certificate.path("materials")) {
        String link = key(m.path("station").asText(), m.path("referenceDesignator").asText(null), m.path("partNumber").asText(null),
            m.path("materialPackage").asText(null), m.path("lot").asText(null));
        (m.path("link").asText().equals("exact") ? exact : inferred).add(link);
      }
      Set<String> expectedExact = new TreeSet<>();
      Set<String> expectedInferred = new TreeSet<>();
      for (TruthLink t : board.getValue()) {
        (t.exact() ? expectedExact : expectedInferred).add(key(t.station(), t.referenceDesignator(), t.partNumber(), t.materialPackage(), t.lot()));
      }
      if (!exact.equals(expectedExact)) {
        problems.add(board.getKey() + ": exact materials " + diff(exact, expectedExact));
      }
      // inferred links are candidates (every set-up at the station during the board's work): the
      // truth's paste cartridge must be among them
      if (!inferred.containsAll(expectedInferred)) {
        problems.add(board.getKey() + ": inferred materials " + inferred + " lack " + diff(expectedInferred, inferred));
      }
    }
    assertThat(problems).as("boards whose birth certificate disagrees with the truth").isEmpty();
  }

  @Test
  void everyReelsAndCartridgesWhereUsedNamesExactlyTheBoardsItWentInto() {
    Map<String, List<TruthLink>> byPackage =
        truth.stream().collect(Collectors.groupingBy(TruthLink::materialPackage, LinkedHashMap::new, Collectors.toList()));
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<TruthLink>> pack : byPackage.entrySet()) {
      JsonNode whereUsed = get("/api/materials/" + encode(pack.getKey()) + "/units");
      boolean exactPackage = pack.getValue().get(0).exact();
      Set<String> answered = new TreeSet<>();
      for (JsonNode u : whereUsed.path("units")) {
        if (u.path("link").asText().equals(exactPackage ? "exact" : "inferred")) {
          answered.add(exactPackage ? key(u.path("unit").asText(), u.path("referenceDesignator").asText(null), u.path("station").asText())
              : key(u.path("unit").asText(), u.path("station").asText()));
        }
      }
      Set<String> expected = new TreeSet<>();
      for (TruthLink t : pack.getValue()) {
        expected.add(exactPackage ? key(t.serial(), t.referenceDesignator(), t.station()) : key(t.serial(), t.station()));
      }
      if (!answered.equals(expected)) {
        problems.add(pack.getKey() + ": " + diff(answered, expected));
      }
    }
    assertThat(byPackage.size()).isGreaterThan(15);
    assertThat(problems).as("packages whose where-used disagrees with the truth").isEmpty();
  }

  private static String key(Object... parts) {
    return java.util.Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining(" | "));
  }

  private static String diff(Set<String> actual, Set<String> expected) {
    Set<String> missing = new LinkedHashSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new LinkedHashSet<>(actual);
    extra.removeAll(expected);
    return "missing " + missing + ", not in the truth " + extra;
  }

  private static String encode(String segment) {
    return Services.encode(segment);
  }

  /** GET from the query service over the same store (read-only pool, auth off), as JSON. */
  private static JsonNode get(String path) {
    HttpResponse<String> response = services.query(path);
    assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " answered no JSON: " + e, e);
    }
  }
}
