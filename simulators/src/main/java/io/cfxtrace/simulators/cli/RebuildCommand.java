package io.cfxtrace.simulators.cli;

import io.cfxtrace.ingest.rebuild.Rebuild;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./cfx rebuild}: every per-unit table derived again from the raw log ({@link Rebuild}),
 * with a progress bar; resumable and idempotent. Offline: stop the ingest services first.
 */
@Command(
    name = "rebuild",
    header = "Derive every per-unit table again from the stored envelopes, with the ingest services stopped.",
    mixinStandardHelpOptions = true,
    description = {
      "Derives every per-unit table again from the stored envelopes (raw_message), after retrying the dead letters that decode now.",
      "Run it with the ingest services stopped: it empties the derived tables first. An interrupted rebuild resumes where it stopped;",
      "a finished one run again starts afresh and gives the same tables. The store is migrated to this version first.",
      "The database comes from --url/--user/--password or DATASOURCES_DEFAULT_URL/_USERNAME/_PASSWORD, as for the ingest service."
    })
public final class RebuildCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--url", description = "JDBC URL of the event store (default: $DATASOURCES_DEFAULT_URL).")
  @Nullable String url;

  @Option(names = "--user", description = "database user (default: $DATASOURCES_DEFAULT_USERNAME).")
  @Nullable String user;

  @Option(names = "--password", description = "database password (default: $DATASOURCES_DEFAULT_PASSWORD).")
  @Nullable String password;

  @Option(names = "--batch-size", defaultValue = "500", description = "envelopes per transaction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--zone-offset", defaultValue = "Z",
      description = "offset assumed for CFX times written without one, as cfx.ingest.zoneless-offset of the ingest service (default: ${DEFAULT-VALUE}).")
  String zoneOffset;

  @Option(names = "--restart", description = "start afresh even when an interrupted rebuild could be resumed.")
  boolean restart;

  @Option(names = "--no-progress", description = "no progress bar (for logs).")
  boolean noProgress;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String jdbc = url != null ? url : System.getenv("DATASOURCES_DEFAULT_URL");
    if (jdbc == null || jdbc.isBlank()) {
      err.println("rebuild: no database: pass --url jdbc:postgresql://host:5432/db or set DATASOURCES_DEFAULT_URL");
      return 2;
    }
    if (batchSize < 1) {
      err.println("rebuild: --batch-size must be at least 1, was " + batchSize);
      return 2;
    }
    ZoneOffset zone;
    try {
      zone = ZoneOffset.of(zoneOffset);
    } catch (java.time.DateTimeException e) {
      err.println("rebuild: --zone-offset " + zoneOffset + " is not an offset such as Z or +02:00");
      return 2;
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbc);
    String u = user != null ? user : System.getenv("DATASOURCES_DEFAULT_USERNAME");
    String p = password != null ? password : System.getenv("DATASOURCES_DEFAULT_PASSWORD");
    if (u != null) {
      ds.setUser(u);
    }
    if (p != null) {
      ds.setPassword(p);
    }
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      Bar bar = new Bar(err, noProgress);
      Rebuild.Result r;
      try {
        r = new Rebuild(ds, zone, batchSize).run(bar, restart);
      } finally {
        bar.close();
      }
      out.printf(Locale.ROOT, "rebuild %s: %d envelopes in %s (%.0f/s); %d dead letters decoded and stored%n", r.resumed() ? "resumed and finished" : "finished",
          r.envelopes(), human(r.took()), r.envelopes() / Math.max(0.001, r.took().toMillis() / 1000.0), r.deadLettersStored());
      return 0;
    } catch (SQLException | org.flywaydb.core.api.FlywayException e) {
      err.println("rebuild: the store failed: " + e.getMessage() + " (run it again to resume)");
      return 1;
    }
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : d.toMillis() / 1000.0 + " s";
  }

  /** the progress bar (me.tongfei progressbar, as replay's). */
  private static final class Bar implements Rebuild.Progress, AutoCloseable {
    private final PrintWriter err;
    private final boolean off;
    private @Nullable ProgressBar bar;

    Bar(PrintWriter err, boolean off) {
      this.err = err;
      this.off = off;
    }

    @Override
    public void start(long total, long done) {
      if (done > 0) {
        err.printf(Locale.ROOT, "resuming an interrupted rebuild after %d envelopes%n", done);
      }
      if (!off) {
        bar = new ProgressBarBuilder().setTaskName("rebuild").setInitialMax(total).startsFrom(done, Duration.ZERO).setStyle(ProgressBarStyle.ASCII)
            .setUnit(" env", 1).showSpeed().setUpdateIntervalMillis(250).build();
      }
    }

    @Override
    public void step(long done) {
      if (bar != null) {
        bar.stepTo(done);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
