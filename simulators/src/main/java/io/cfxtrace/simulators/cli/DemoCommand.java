package io.cfxtrace.simulators.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./cfx demo}: the embedded database, services and a simulated line. Not built yet: it
 * needs the ingest service, query service and simulators, and says so rather than pretending.
 */
@Command(name = "demo", description = "Run the embedded database, services and a simulated line.")
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "cfx demo: not yet available. It needs the ingest service, the query service and the"
                + " line simulator, which are not built yet. Try ./cfx validate FILE... meanwhile.");
    return 1;
  }
}
