package io.cfxtrace.simulators.record;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.SubscriptionConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./cfx record}: captures CFX traffic into a recording file ({@link RecordingFormat}),
 * listening as a CFX peer or subscribed to a broker address, until Ctrl-C, a message count or a
 * duration.
 *
 * <p>Exit status: 0 when recording ended at its count or duration, 1 when the file could not be
 * written, 2 for a usage error (bad option, busy port, existing file); Ctrl-C ends it like any
 * interrupted program (130), with the file complete.
 */
@Command(
    name = "record",
    header = "Record CFX traffic into a file, listening as a CFX peer or subscribed to a broker address.",
    description = {
      "One JSON object per line (receive time, AMQP properties, the envelope as received). Listen as a CFX peer (machines publish to"
          + " amqp://127.0.0.1:PORT/<any address>, or to another interface --listen names) or subscribe to a broker address.",
      "Stops on Ctrl-C, after --count messages or after --duration; the file is complete either way."
    },
    sortOptions = false,
    mixinStandardHelpOptions = true)
public final class RecordCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--listen", paramLabel = "[HOST:]PORT",
        description = "Listen for machines on this port, on 127.0.0.1 unless HOST is given: 5674 takes only this machine's publishers,"
            + " 0.0.0.0:5674 every interface (other machines too; see --user and --no-anonymous).")
    @Nullable String listen;

    @Option(names = "--from", paramLabel = "URI", description = "Subscribe to a broker address, e.g. amqp://user:secret@broker:5672/amq/queue/cfx-record."
        + " Recording takes the messages off that queue: give it a queue of its own.")
    @Nullable String from;
  }

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The recording file (gzip when it ends in .gz).")
  Path output;

  @Option(names = "--gzip", description = "Gzip the file whatever its name.")
  boolean gzip;

  @Option(names = "--overwrite", description = "Replace FILE if it exists.")
  boolean overwrite;

  @Option(names = {"-n", "--count"}, paramLabel = "N", description = "Stop after N messages.")
  long count;

  @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop after this long (90s, 10m, 2h, PT1H).")
  @Nullable Duration duration;

  @Option(names = "--user", paramLabel = "USER:PASSWORD", description = "With --listen: accept SASL PLAIN with these credentials (repeatable); "
      + "ANONYMOUS stays allowed unless --no-anonymous.")
  List<String> users = List.of();

  @Option(names = "--no-anonymous", description = "With --listen: refuse SASL ANONYMOUS (needs --user).")
  boolean noAnonymous;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (count < 0) {
      err.println("cfx record: --count must be positive, was " + count);
      return 2;
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      err.println("cfx record: --duration must be positive, was " + duration);
      return 2;
    }
    boolean compress = gzip || output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    Recorder recorder;
    try {
      recorder = Recorder.create(output, compress, overwrite, count);
    } catch (IOException | IllegalArgumentException e) {
      err.println("cfx record: " + e.getMessage());
      return 2;
    }
    CfxEndpoint endpoint = CfxEndpoint.start(EndpointIdentity.of("CfxTrace.Recorder", null), CfxEndpoint.Options.defaults());
    Thread hook = new Thread(this::onCtrlC, "cfx-record-stop");
    try {
      String what;
      try {
        what = open(endpoint, recorder);
      } catch (IllegalArgumentException | CfxEndpointException e) {
        err.println("cfx record: " + e.getMessage());
        endpoint.close();
        closeQuietly(recorder);
        return 2;
      }
      // the file is created only now that the listener or subscription is up: a start that
      // failed leaves no empty file to block the next try
      recorder.start();
      Runtime.getRuntime().addShutdownHook(hook);
      err.println("cfx record: " + what + "; writing " + output + (compress ? " (gzip)" : "")
          + (count > 0 ? "; stops after " + count + " messages" : "") + (duration != null ? "; stops after " + duration : "")
          + ". Ctrl-C stops.");
      err.flush();
      awaitEnd(recorder);
      endpoint.close();
      recorder.close();
      err.println("cfx record: " + summary(recorder));
      err.flush();
      return 0;
    } catch (IOException e) {
      err.println("cfx record: " + e.getMessage());
      return 1;
    } finally {
      endpoint.close();
      closeQuietly(recorder);
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // shutting down (Ctrl-C), or the hook was never added
      }
    }
  }

  private String open(CfxEndpoint endpoint, Recorder recorder) throws CfxEndpointException {
    if (source.listen != null) {
      // loopback unless asked: a recorder accepts anything anyone sends it
      String host = "127.0.0.1";
      String port = source.listen.trim();
      int colon = port.lastIndexOf(':');
      if (colon >= 0) {
        host = port.substring(0, colon);
        port = port.substring(colon + 1);
      }
      int p;
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--listen needs a port number, [HOST:]PORT, got '" + source.listen + "'");
      }
      Map<String, String> plain = new LinkedHashMap<>();
      for (String u : users) {
        int c = u.indexOf(':');
        if (c <= 0) {
          throw new IllegalArgumentException("--user needs USER:PASSWORD, got '" + u + "'");
        }
        plain.put(u.substring(0, c), u.substring(c + 1));
      }
      ListenerConfig config = ListenerConfig.anonymous("record", host, p).withSasl(plain, !noAnonymous);
      Listener listener;
      try {
        listener = endpoint.listen(config, recorder);
      } catch (CfxEndpointException e) {
        if (e.code() == CfxEndpointException.Code.BIND_FAILED) {
          throw new IllegalArgumentException("port " + p + " is in use (or not allowed) on " + host + "; pass another --listen port", e);
        }
        throw e;
      }
      String open = !isLoopback(host) && (users.isEmpty() || !noAnonymous)
          ? " (open to any publisher that reaches it: --user USER:PASSWORD with --no-anonymous restricts it)" : "";
      return "listening on amqp://" + host + ":" + listener.port() + " (any address)" + open;
    }
    AmqpUri uri = AmqpUri.parse(source.from);
    endpoint.subscribe(SubscriptionConfig.of("record", uri), recorder);
    return "subscribed to " + uri.redacted();
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }

  private void awaitEnd(Recorder recorder) {
    CompletableFuture<?> limit = recorder.limitReached();
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    try {
      while (!limit.isDone() && stopRequested.getCount() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        stopRequested.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onCtrlC() {
    stopRequested.countDown();
    try {
      // let call() close the endpoint and finish the file before the JVM exits
      finished.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String summary(Recorder r) {
    return "recorded " + r.messages() + " messages (" + r.envelopes() + " envelopes, " + r.undecodable() + " undecodable) in " + r.file();
  }

  private static void closeQuietly(Recorder recorder) {
    try {
      recorder.close();
    } catch (IOException e) {
      // already reported by the normal path
    }
  }
}
