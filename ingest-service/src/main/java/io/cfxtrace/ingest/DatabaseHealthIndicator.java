package io.cfxtrace.ingest;

import io.cfxtrace.ingest.config.IngestConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.jdbc.JdbcIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * the database at {@code /health} ({@code jdbc}), in place of Micronaut's {@link JdbcIndicator}:
 * that one waits for a pooled connection as long as the pool lets it (Hikari's 30 s while the
 * database is down), longer than any container probe waits, so a probe saw no answer at all.
 *
 * <p>Each probe borrows a connection and checks it, on a blocking-executor thread; the answer is
 * DOWN, with the reason in the details, when that fails or takes longer than {@link
 * IngestConfiguration#healthTimeout()}. A check still running when the next probe comes is shared,
 * not repeated, so probes during an outage tie up at most one thread (for at most the pool's
 * connection timeout) however often they come. The writer's own state is {@link
 * AmqpHealthIndicator}'s {@code store}.
 */
@Singleton
@Replaces(JdbcIndicator.class)
@Requires(beans = HealthEndpoint.class)
@Requires(property = "cfx.ingest.enabled", value = "true", defaultValue = "true")
public class DatabaseHealthIndicator implements HealthIndicator {

  private static final String NAME = "jdbc";

  private final DataSource dataSource;
  private final ExecutorService executor;
  private final Duration timeout;
  private @Nullable CompletableFuture<HealthResult> running;

  /**
   * creates the indicator.
   *
   * @param dataSource the pool.
   * @param config the health timeout.
   * @param executor runs the checks.
   */
  public DatabaseHealthIndicator(DataSource dataSource, IngestConfiguration config, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
    // the pool itself, not Micronaut Data's transaction-aware proxy (as IngestFactory does)
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    this.executor = executor;
    this.timeout = config.healthTimeout();
  }

  /**
   * the database's health, UP or DOWN, within the health timeout.
   *
   * @return one result.
   */
  @Override
  public Publisher<HealthResult> getResult() {
    HealthResult late = down("no answer from the database within " + timeout.toMillis() + " ms (cfx.ingest.health-timeout)");
    // a copy, so that one probe's timeout does not complete the check another probe shares
    return Publishers.fromCompletableFuture(check().copy().completeOnTimeout(late, timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  private synchronized CompletableFuture<HealthResult> check() {
    if (running == null || running.isDone()) {
      running = CompletableFuture.supplyAsync(this::probe, executor);
    }
    return running;
  }

  private HealthResult probe() {
    try (Connection c = dataSource.getConnection()) {
      int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
      if (!c.isValid(seconds)) {
        return down("the database's connection did not answer a check");
      }
      DatabaseMetaData meta = c.getMetaData();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("database", meta.getDatabaseProductName());
      details.put("version", meta.getDatabaseProductVersion());
      return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
    } catch (SQLException e) {
      return down("the database cannot be reached (SQLState " + e.getSQLState() + "): " + e.getMessage());
    } catch (RuntimeException e) {
      // a pool being closed at shutdown, say: still an answer, not an error page
      return down("the database cannot be checked: " + e);
    }
  }

  private static HealthResult down(String reason) {
    return HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error", reason)).build();
  }
}
