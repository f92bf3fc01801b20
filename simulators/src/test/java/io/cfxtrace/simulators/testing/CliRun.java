package io.cfxtrace.simulators.testing;

import io.cfxtrace.simulators.cli.CfxCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * one {@code ./cfx} command run in this process, as the launcher would run it, with what it wrote.
 *
 * @param exit its exit status.
 * @param out what it wrote to standard output.
 * @param err what it wrote to standard error.
 */
public record CliRun(int exit, String out, String err) {

  /**
   * runs the command line.
   *
   * @param args the arguments after {@code ./cfx}.
   * @return the exit status and the output.
   */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CfxCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
