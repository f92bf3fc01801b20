package io.cfxtrace.simulators.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.simulators.testing.CliRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code ./cfx --help}: each command's summary is shown whole. */
class CfxCliHelpTest {

  static Stream<String> commands() {
    return CfxCli.newCommandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help"));
  }

  /** the Commands section of the top-level help: each command's text, its wrapped lines joined. */
  private static Map<String, String> commandList(String help) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = help.lines().dropWhile(l -> !l.equals("Commands:")).skip(1).toList();
    String current = null;
    for (String line : lines) {
      if (line.matches("^  \\S.*")) {
        String[] parts = line.trim().split("\\s+", 2);
        current = parts[0];
        out.put(current, parts.length > 1 ? parts[1] : "");
      } else if (current != null && !line.isBlank()) {
        out.put(current, out.get(current) + " " + line.trim());
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("commands")
  void theTopLevelHelpShowsTheCommandsWholeSummary(String command) {
    CliRun run = CliRun.of("--help");
    CommandLine sub = CfxCli.newCommandLine().getSubcommands().get(command);
    String summary = String.join(" ", sub.getCommandSpec().usageMessage().header());

    assertThat(run.exit()).isZero();
    assertThat(summary).as("the summary of %s is one whole sentence", command).endsWith(".").doesNotContain("\n");
    assertThat(commandList(run.out())).containsEntry(command, summary);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void eachCommandsOwnHelpStartsWithItsSummary(String command) {
    CliRun run = CliRun.of(command, "--help");
    String summary = String.join(" ", CfxCli.newCommandLine().getSubcommands().get(command).getCommandSpec().usageMessage().header());

    assertThat(run.exit()).isZero();
    assertThat(run.out().lines().takeWhile(l -> !l.startsWith("Usage:")).map(String::trim).reduce((a, b) -> a + " " + b).orElse(""))
        .isEqualTo(summary);
  }
}
