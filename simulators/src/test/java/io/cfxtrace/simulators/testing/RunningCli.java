package io.cfxtrace.simulators.testing;

import io.cfxtrace.simulators.cli.CfxCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * a {@code ./cfx} command that runs until it is stopped ({@code ingest}, {@code query}), run in
 * this process on a thread of its own, as the launcher would run it. {@link #stop} interrupts the
 * thread, which the service commands take as their stop request (the in-process stand-in for
 * Ctrl-C; the real signals are tested on a child JVM).
 */
public final class RunningCli implements AutoCloseable {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Thread thread;
  private volatile Integer exit;

  private RunningCli(String... args) {
    CommandLine cli = CfxCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    thread = new Thread(() -> exit = cli.execute(args), "cfx-" + String.join("-", args).replaceAll("[^A-Za-z0-9.-]", "_"));
    thread.setDaemon(true);
  }

  /**
   * starts the command line.
   *
   * @param args the arguments after {@code ./cfx}.
   * @return the running command.
   */
  public static RunningCli start(String... args) {
    RunningCli run = new RunningCli(args);
    run.thread.start();
    return run;
  }

  /**
   * what it has written so far, both streams, for failure messages.
   *
   * @return standard output, then standard error.
   */
  public String output() {
    return out + (err.toString().isEmpty() ? "" : "\n[stderr]\n" + err);
  }

  /**
   * the result, once the command has ended by itself (a start that failed, say).
   *
   * @return the result, or empty while it runs.
   */
  public Optional<CliRun> finished() {
    return thread.isAlive() ? Optional.empty() : Optional.of(result());
  }

  /**
   * asks the command to stop and waits for it.
   *
   * @param timeout how long to wait.
   * @return its exit status and output.
   * @throws AssertionError if it did not end within the timeout.
   */
  public CliRun stop(Duration timeout) throws InterruptedException {
    thread.interrupt();
    thread.join(TimeUnit.MILLISECONDS.convert(timeout));
    if (thread.isAlive()) {
      throw new AssertionError("the command did not stop within " + timeout.toSeconds() + " s: " + output());
    }
    return result();
  }

  private CliRun result() {
    return new CliRun(exit == null ? -1 : exit, out.toString(), err.toString());
  }

  /** stops the command if it still runs (a test that failed half-way). */
  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      stop(Duration.ofSeconds(60));
    }
  }
}
