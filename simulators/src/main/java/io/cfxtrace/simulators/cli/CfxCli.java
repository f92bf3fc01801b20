package io.cfxtrace.simulators.cli;

import io.cfxtrace.simulators.demo.DemoCommand;
import io.cfxtrace.simulators.record.RecordCommand;
import io.cfxtrace.simulators.replay.ReplayCommand;
import io.cfxtrace.simulators.line.SimulateCommand;
import io.cfxtrace.simulators.service.IngestCommand;
import io.cfxtrace.simulators.service.QueryCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * the {@code ./cfx} command line.
 *
 * <p>Exit status: 0 success, 1 the command ran and found a problem (an invalid message, say), 2
 * a usage error.
 */
@Command(
    name = "cfx",
    mixinStandardHelpOptions = true,
    versionProvider = CfxCli.Version.class,
    description = "cfx-trace: IPC-2591 CFX broker and per-unit traceability store.",
    subcommands = {ValidateCommand.class, SimulateCommand.class, RecordCommand.class, ReplayCommand.class, DemoCommand.class,
        IngestCommand.class, QueryCommand.class, RebuildCommand.class, CommandLine.HelpCommand.class})
public final class CfxCli {

  private CfxCli() {}

  /**
   * runs the command line.
   *
   * @param args the arguments.
   */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /**
   * the configured picocli command line (tests call it directly).
   *
   * @return a new command line.
   */
  public static CommandLine newCommandLine() {
    return new CommandLine(new CfxCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CfxCli.class.getPackage().getImplementationVersion();
      return new String[] {"cfx-trace " + (v == null ? "(development build)" : v)};
    }
  }
}
