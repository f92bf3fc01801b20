package io.cfxtrace.simulators.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.JsonTreeDiff;
import io.cfxtrace.simulators.testing.Recordings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./cfx validate}: one line per envelope, exit status, and what {@code --echo} writes. */
class ValidateCommandTest {

  /** the golden fixtures of cfx-model (tests run with the module directory as working directory). */
  private static final Path FIXTURES = Path.of("..", "cfx-model", "src", "test", "resources", "cfx");

  private static final String WORK_STARTED =
      "{\"MessageName\":\"CFX.Production.WorkStarted\",\"Version\":\"2.1\",\"TimeStamp\":\"2026-03-14T09:26:53.5897932+01:00\","
          + "\"UniqueID\":\"6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11\",\"Source\":\"L1.Printer\",\"Target\":null,\"RequestID\":null,"
          + "\"MessageBody\":{\"$type\":\"CFX.Production.WorkStarted, CFX\",\"TransactionID\":\"tx\",\"UnitCount\":COUNT}}";

  @TempDir Path dir;

  private record Run(int exit, List<String> lines) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CfxCli.newCommandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    List<String> lines = new ArrayList<>(out.toString().lines().collect(Collectors.toList()));
    err.toString().lines().forEach(l -> lines.add("stderr: " + l));
    return new Run(exit, lines);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private Path write(String name, String json) throws IOException {
    return write(name, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void typedMessagePrintsOkTypedAndExitsZero() throws IOException {
    Path f = write("ws.json", WORK_STARTED.replace("COUNT", "1"));

    Run r = run("validate", f.toString());

    assertThat(r.lines()).containsExactly("OK " + f + " CFX.Production.WorkStarted typed");
    assertThat(r.exit()).isZero();
  }

  @Test
  void messageWithoutARecordPrintsOkGeneric() throws IOException {
    Path f = write("tc.json", "{\"MessageName\":\"CFX.Production.ToolsCleaned\",\"MessageBody\":{}}");

    assertThat(run("validate", f.toString()).lines()).containsExactly("OK " + f + " CFX.Production.ToolsCleaned generic");
  }

  @Test
  void badMemberPrintsErrorWithItsPathAndExitsOne() throws IOException {
    Path good = write("good.json", WORK_STARTED.replace("COUNT", "1"));
    Path bad = write("bad.json", WORK_STARTED.replace("COUNT", "\"left\""));

    Run r = run("validate", good.toString(), bad.toString());

    assertThat(r.lines()).hasSize(2);
    assertThat(r.lines().get(1)).startsWith("ERROR " + bad + " $.MessageBody.UnitCount: ").contains("\"left\"");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void gzipBatchPrintsOneLinePerEnvelope() throws IOException {
    String batch = "[" + WORK_STARTED.replace("COUNT", "1") + "," + WORK_STARTED.replace("COUNT", "\"x\"") + "]";
    Path f = write("batch.json.gz", CfxCodec.gzip(batch.getBytes(StandardCharsets.UTF_8)));

    Run r = run("validate", f.toString());

    assertThat(r.lines()).containsExactly("OK " + f + " CFX.Production.WorkStarted typed", "ERROR " + f + " $[1].MessageBody.UnitCount: expected a 32-bit integer, found the string \"x\"");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void missingFileIsAnErrorNamingIt() {
    Path f = dir.resolve("nope.json");

    Run r = run("validate", f.toString());

    assertThat(r.lines()).singleElement().asString().startsWith("ERROR " + f + " $: cannot read the file");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void noFileIsAUsageError() {
    assertThat(run("validate").exit()).isEqualTo(2);
  }

  @Test
  void invalidLimitIsAUsageErrorNamingIt() throws IOException {
    Path f = write("ws.json", WORK_STARTED.replace("COUNT", "1"));

    Run r = run("validate", "--max-depth", "1", f.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.lines()).anyMatch(l -> l.contains("maxDepth"));
  }

  @Test
  void echoOfEveryGoldenFixtureKeepsEveryMemberOfTheInput() throws IOException {
    List<Path> inputs;
    try (Stream<Path> s = Stream.concat(Files.list(FIXTURES.resolve("examples")), Files.list(FIXTURES.resolve("legacy")))) {
      inputs = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    assertThat(inputs).hasSizeGreaterThan(200);
    Path echo = dir.resolve("echo");
    List<String> args = new ArrayList<>(List.of("validate", "--echo", echo.toString()));
    inputs.forEach(p -> args.add(p.toString()));

    Run r = run(args.toArray(String[]::new));

    assertThat(r.lines()).noneMatch(l -> l.startsWith("ERROR"));
    assertThat(r.exit()).isZero();
    ObjectMapper mapper = new ObjectMapper();
    List<String> lost = new ArrayList<>();
    for (Path in : inputs) {
      JsonNode input = mapper.readTree(in.toFile());
      JsonNode output = mapper.readTree(echo.resolve(in.getFileName()).toFile());
      JsonTreeDiff.differences(input, output).forEach(d -> lost.add(in.getFileName() + " " + d));
    }
    assertThat(lost).isEmpty();
  }

  @Test
  void echoOfAGzipInputIsGzip() throws IOException {
    Path f = write("ws.json.gz", CfxCodec.gzip(WORK_STARTED.replace("COUNT", "1").getBytes(StandardCharsets.UTF_8)));
    Path echo = dir.resolve("echo");

    run("validate", "--echo", echo.toString(), f.toString());

    assertThat(CfxCodec.isGzip(Files.readAllBytes(echo.resolve("ws.json.gz")))).isTrue();
  }

  /** the recordings of {@code src/test/resources/recordings} (see the README there). */
  private static final Path RECORDINGS = Path.of("src", "test", "resources", "recordings");

  @Test
  void aRecordingIsCheckedLineByLineEachLineNamedByItsNumber() {
    Path f = RECORDINGS.resolve("mixed.jsonl");

    Run r = run("validate", f.toString());

    assertThat(r.lines()).hasSize(5);
    assertThat(r.lines().get(0)).isEqualTo("OK " + f + ":1 CFX.Production.WorkStarted typed");
    assertThat(r.lines().get(1)).startsWith("ERROR " + f + ":2 $.MessageBody.UnitCount: ").contains("\"left\"");
    assertThat(r.lines().get(2)).startsWith("ERROR " + f + ":3 recorded as undecodable (not JSON: Unexpected end-of-input), still: ");
    assertThat(r.lines().get(3)).startsWith("ERROR " + f + ":4 not a recording line: not JSON");
    assertThat(r.lines().get(4)).isEqualTo("OK " + f + ":5 CFX.Production.ToolsCleaned generic");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void whatTheRecorderWritesValidatesAsTheEnvelopesItReceivedAndEchoesThemOnePerLine() throws Exception {
    List<CfxEnvelope> sent = Recordings.simulated(60);
    Path f = Recordings.write(dir.resolve("shift.jsonl.gz"), sent);
    Path echo = dir.resolve("echo");

    Run r = run("validate", "--echo", echo.toString(), f.toString());

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      expected.add("OK " + f + ":" + (i + 1) + " " + sent.get(i).messageName() + " typed");
    }
    assertThat(r.lines()).containsExactlyElementsOf(expected);
    assertThat(r.exit()).isZero();
    CfxCodec codec = new CfxCodec();
    List<CfxEnvelope> echoed = new ArrayList<>();
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(Files.newInputStream(echo.resolve(f
        .getFileName()))), StandardCharsets.UTF_8))) {
      in.lines().forEach(l -> {
        try {
          echoed.add(codec.decodeEnvelope(l.getBytes(StandardCharsets.UTF_8)));
        } catch (io.cfxtrace.model.codec.CfxDecodeException e) {
          throw new AssertionError(e);
        }
      });
    }
    assertThat(echoed).containsExactlyElementsOf(sent);
  }

  @Test
  void aRecordingCutOffMidLineHasItsLastLineNamedAsIncomplete() throws IOException {
    String first = Files.readAllLines(RECORDINGS.resolve("mixed.jsonl")).get(0);
    Path f = write("killed.jsonl", first + "\n" + first.substring(0, 80));

    Run r = run("validate", f.toString());

    assertThat(r.lines()).containsExactly("OK " + f + ":1 CFX.Production.WorkStarted typed",
        "ERROR " + f + ":2 the last line is incomplete (the recorder was stopped while writing it; replay skips it)");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void envelopesOneAfterAnotherAreNamedAsSuchRatherThanWithTheParsersInternals() throws IOException {
    Path f = write("two.jsonl", WORK_STARTED.replace("COUNT", "1") + "\n" + WORK_STARTED.replace("COUNT", "2") + "\n");

    Run r = run("validate", f.toString());

    assertThat(r.lines()).singleElement().asString()
        .startsWith("ERROR " + f + " $: 2 JSON values one after another; a CFX payload file holds one envelope or a JSON array of envelopes")
        .doesNotContain("Jackson", "DeserializationFeature", "bound as");
    assertThat(r.exit()).isEqualTo(1);
  }
}
