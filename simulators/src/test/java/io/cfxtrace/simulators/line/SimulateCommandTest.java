package io.cfxtrace.simulators.line;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.simulators.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ./cfx simulate}'s arguments and its dry run. */
class SimulateCommandTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  static Stream<Arguments> badArguments() {
    String target = "--target=amqp://127.0.0.1:5673/cfx";
    return Stream.of(
        Arguments.of(List.of("simulate", "--fast"), "--target URI is required"),
        Arguments.of(List.of("simulate", "--fast", "--target=http://host/cfx"), "scheme must be amqp or amqps"),
        Arguments.of(List.of("simulate", "--fast", "--target=amqp://127.0.0.1:5673"), "names no address"),
        Arguments.of(List.of("simulate", "--fast", target, "--boards=0"), "--boards must be at least 1, was 0"),
        Arguments.of(List.of("simulate", "--fast", target, "--panel-size=0"), "--panel-size must be within 1..100, was 0"),
        Arguments.of(List.of("simulate", "--fast", target, "--lines=0"), "--lines must be within 1..50, was 0"),
        Arguments.of(List.of("simulate", "--fast", target, "--carriers=-1"), "--carriers must be within 0..1000, was -1"),
        Arguments.of(List.of("simulate", target, "--speed=-2"), "--speed must be a positive number, was -2.0"),
        Arguments.of(List.of("simulate", target, "--speed=3", "--fast"), "--fast and --speed exclude each other"),
        Arguments.of(List.of("simulate", "--fast", target, "--start=yesterday"), "--start must be an ISO-8601 time with offset"),
        Arguments.of(List.of("simulate", "--fast", target, "--boards=many"), "Invalid value for option '--boards'"),
        Arguments.of(List.of("simulate", "--fast", target, "--first-line=0"), "--first-line must be within 1..9999 for 1 line, was 0"),
        Arguments.of(List.of("simulate", "--fast", target, "--lines=2", "--first-line=9999"), "--first-line must be within 1..9998 for 2 lines,"
            + " was 9999"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void badArgumentsAreAUsageErrorNamingTheProblem(List<String> args, String message) {
    CliRun r = run(args.toArray(String[]::new));

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(message).contains("Usage: cfx simulate");
  }

  @Test
  void helpPrintsTheUsageAndSucceeds() {
    CliRun r = run("simulate", "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: cfx simulate").contains("--target=URI").contains("--truth=FILE");
  }

  @Test
  void aDryRunWritesTheTruthAndSaysWhatItSimulated(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("out/truth.jsonl");

    CliRun r = run("simulate", "--dry-run", "--boards=10", "--panel-size=5", "--seed=3", "--start=2026-05-04T06:00:00Z", "--truth=" + truth);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("10 boards in 2 panels").contains("truth: ").contains("written to " + truth);
    List<TruthLink> links = Files.readAllLines(truth).stream().map(TruthLink::parse).toList();
    assertThat(links).extracting(TruthLink::serial).contains("SN-L1-000001", "SN-L1-000010");
  }

  @Test
  void aDryRunOnCarriersNamesEachBoardsCarrierInTheTruth(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("truth.jsonl");

    CliRun r = run("simulate", "--dry-run", "--boards=12", "--panel-size=4", "--carriers=2", "--seed=3", "--start=2026-05-04T06:00:00Z",
        "--truth=" + truth);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("in panels of 4 on 2 reusable carriers per line").contains("1 trips on a carrier that had carried an earlier panel");
    List<TruthLink> links = Files.readAllLines(truth).stream().map(TruthLink::parse).toList();
    assertThat(links).extracting(TruthLink::carrier).containsOnly("CAR-L1-01", "CAR-L1-02");
    assertThat(links).filteredOn(l -> l.panel().equals("PNL-L1-00003")).extracting(TruthLink::carrier).containsOnly("CAR-L1-01");
  }

  @Test
  void withoutCarriersTheTruthLinesCarryNoCarrier(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("truth.jsonl");

    CliRun r = run("simulate", "--dry-run", "--boards=4", "--start=2026-05-04T06:00:00Z", "--truth=" + truth);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readAllLines(truth)).isNotEmpty().noneMatch(line -> line.contains("carrier"));
  }

  @Test
  void anUnwritableTruthFileStopsTheRunNamingIt(@TempDir Path dir) throws Exception {
    Path blocker = Files.createFile(dir.resolve("file"));

    CliRun r = run("simulate", "--dry-run", "--boards=4", "--truth=" + blocker.resolve("truth.jsonl"));

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("cannot create the truth file " + blocker.resolve("truth.jsonl"));
  }

  @Test
  void firstLineNumbersTheLinesInEveryNameTheyGive(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("truth.jsonl");

    CliRun r = run("simulate", "--dry-run", "--boards=8", "--lines=2", "--first-line=7", "--start=2026-05-04T06:00:00Z", "--truth=" + truth);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 lines (Line7..8: serials SN-L7..8-*, reels RL-L7..8-*)");
    List<TruthLink> links = Files.readAllLines(truth).stream().map(TruthLink::parse).toList();
    assertThat(links).extracting(TruthLink::serial).allMatch(s -> s.matches("SN-L[78]-\\d{6}")).anyMatch(s -> s.startsWith("SN-L8-"));
    assertThat(links).allSatisfy(l -> {
      String line = l.serial().substring(4, 5);
      assertThat(l.station()).startsWith("Line" + line + ".");
      assertThat(l.panel()).startsWith("PNL-L" + line + "-");
      assertThat(l.materialPackage()).matches("(RL|SP)-L" + line + "-\\d+");
    });
  }
}
