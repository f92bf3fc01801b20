package io.cfxtrace.simulators.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./cfx demo}: the embedded database, the ingest service with its listener, the query
 * service and a simulated line, until Ctrl-C.
 *
 * <p>Exit status: 0 after Ctrl-C, 1 when something could not start, 2 for a usage error (a busy
 * port included).
 */
@Command(
    name = "demo",
    header = "Run cfx-trace on this machine with a simulated line: database, ingest and query services, web UI.",
    description = "An embedded PostgreSQL, the ingest service (AMQP listener), the query service and a simulated SMT line publishing to"
        + " it. A new line starts an hour back: its first 10 minutes at once, the rest at --speed, then in real time. Prints the web UI"
        + " address and a board whose birth certificate is ready. Ctrl-C stops everything; the data stay in --data-dir, and the next"
        + " run continues the line where it stopped.",
    sortOptions = false,
    mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--http-port", paramLabel = "PORT", description = "The web UI and query API port (default ${DEFAULT-VALUE}).")
  int httpPort = 8080;

  @Option(names = "--amqp-port", paramLabel = "PORT",
      description = "The ingest service's AMQP listener (default ${DEFAULT-VALUE}; not 5672, which a local broker often holds).")
  int amqpPort = 5673;

  @Option(names = "--ingest-http-port", paramLabel = "PORT", description = "The ingest service's health and metrics port (default ${DEFAULT-VALUE}).")
  int ingestHttpPort = 8081;

  @Option(names = "--db-port", paramLabel = "PORT", description = "The embedded PostgreSQL's port (default: a free one).")
  int dbPort;

  @Option(names = "--bind", paramLabel = "HOST",
      description = "The interface the services listen on (default ${DEFAULT-VALUE}; 0.0.0.0 lets other machines publish to the listener).")
  String bind = "127.0.0.1";

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the database and the line's state are kept between runs (default: data/demo in the cfx-trace directory).")
  @Nullable Path dataDir;

  @Option(names = "--speed", paramLabel = "X",
      description = "How fast the line catches up with real time, in simulated seconds per second (default ${DEFAULT-VALUE}; 0: as fast as the"
          + " listener takes it); once caught up it runs in real time, as its clock never runs ahead of real time.")
  double speed = 20;

  @Option(names = "--interlock-port", paramLabel = "PORT",
      description = "The query service's interlock listener, which the line's stations ask before they work (default ${DEFAULT-VALUE}).")
  int interlockPort = 5680;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of a new line (default ${DEFAULT-VALUE}); a line that already ran keeps its own.")
  long seed = 1;

  private final CountDownLatch stopped = new CountDownLatch(1);

  /** the default data directory: data/demo under the cfx-trace directory the launcher names, else under the current one. */
  static Path defaultDataDirectory() {
    String home = System.getenv("CFX_HOME");
    return (home == null || home.isBlank() ? Path.of("data") : Path.of(home, "data")).resolve("demo");
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    Demo.Settings settings;
    SimulatedLineFeed feed;
    try {
      settings = new Demo.Settings((dataDir != null ? dataDir : defaultDataDirectory()).toAbsolutePath(), bind, httpPort, ingestHttpPort, amqpPort,
          dbPort, interlockPort);
      feed = new SimulatedLineFeed(settings.dataDirectory().resolve("line"), speed, seed, SimulatedLineFeed.BOARDS, true);
    } catch (IllegalArgumentException e) {
      err.println("cfx demo: " + e.getMessage());
      return 2;
    }
    Demo demo;
    try {
      demo = Demo.start(settings, feed, line -> {
        out.println("cfx demo: " + line);
        out.flush();
      });
    } catch (Demo.PortInUseException e) {
      err.println("cfx demo: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("cfx demo: cannot start: " + e.getMessage());
      return 1;
    }
    Thread hook = new Thread(() -> {
      out.println();
      out.println("cfx demo: stopping the line, the services and the database...");
      out.flush();
      try {
        demo.close();
        Map<String, Long> counts = demo.finalCounts();
        out.println("cfx demo: stopped. " + (counts.isEmpty() ? "The data are" : counts.get("envelopes") + " envelopes and " + counts.get("units")
            + " units are") + " kept in " + settings.dataDirectory() + "; ./cfx demo continues with them.");
      } catch (RuntimeException e) {
        err.println("cfx demo: stopping failed: " + e);
      }
      out.flush();
      err.flush();
      stopped.countDown();
    }, "cfx-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("cfx demo: web UI at " + demo.uiAddress());
    out.println("cfx demo: waiting for the first board to leave the line (" + feed.lastStation() + ")...");
    out.flush();
    try {
      String serial = demo.awaitSampleSerial(Duration.ofMinutes(10));
      out.printf(Locale.ROOT, "cfx demo: ready in %.0f s. Board %s has left the line; its birth certificate:%n", (System.nanoTime() - t0) / 1e9, serial);
      out.println("    " + demo.unitPageUrl(serial) + "   (web UI)");
      out.println("    " + demo.birthCertificateUrl(serial) + "   (JSON)");
      out.println("cfx demo: machines can publish too: amqp://" + (bind.equals("0.0.0.0") || bind.equals("127.0.0.1") ? "localhost" : bind) + ":"
          + amqpPort + "/<any address>. Ctrl-C stops everything; the data stay in " + settings.dataDirectory() + ".");
    } catch (IllegalStateException e) {
      err.println("cfx demo: " + e.getMessage() + " (the services keep running; Ctrl-C stops them)");
    }
    out.flush();
    err.flush();
    // runs until Ctrl-C: the hook stops everything, then this thread has nothing left to do
    while (!stopped.await(1, TimeUnit.HOURS)) {
      // keep waiting
    }
    return 0;
  }
}
