package io.cfxtrace.query.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * the query service's own settings, under {@code cfx.query}.
 *
 * @param statementTimeout how long one SQL statement may run before the database cancels it; a
 *     query that runs longer answers 503 instead of holding a pooled connection.
 * @param longestTransaction the longest a work transaction can last: where-used looks for a
 *     transaction that spans a material setup without an event during it only when the setup is
 *     shorter than this, and only this far before the setup ended; the conflicts listing looks
 *     for one that spans its range likewise.
 * @param connectionTimeout how long a request waits for a pooled connection (the pool's Hikari
 *     {@code connectionTimeout}, set from here) before it answers 503: while the store is
 *     unreachable every request waits this long, and under load a request that finds all
 *     connections busy this long is turned away rather than queued. From 250ms (Hikari's least)
 *     to 1m.
 * @param healthTimeout how long {@code GET /health} waits for the store before it answers DOWN;
 *     below the probe's own timeout (5 s in docker/compose.yaml) so that a probe always gets an
 *     answer. From 100ms to 1m.
 */
@ConfigurationProperties("cfx.query")
public record QueryConfiguration(
    @Bindable(defaultValue = "30s") @NotNull Duration statementTimeout,
    @Bindable(defaultValue = "12h") @NotNull Duration longestTransaction,
    @Bindable(defaultValue = "3s") @NotNull Duration connectionTimeout,
    @Bindable(defaultValue = "1s") @NotNull Duration healthTimeout) {

  /** checks what the constraints cannot express. */
  public QueryConfiguration {
    if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.toSeconds() < 1)) {
      throw new IllegalArgumentException("cfx.query.statement-timeout must be at least 1s, was " + statementTimeout);
    }
    if (longestTransaction != null && (longestTransaction.isNegative() || longestTransaction.isZero())) {
      throw new IllegalArgumentException("cfx.query.longest-transaction must be positive, was " + longestTransaction);
    }
    if (connectionTimeout != null && (connectionTimeout.toMillis() < 250 || connectionTimeout.compareTo(Duration.ofMinutes(1)) > 0)) {
      throw new IllegalArgumentException("cfx.query.connection-timeout must be from 250ms to 1m, was " + connectionTimeout);
    }
    if (healthTimeout != null && (healthTimeout.toMillis() < 100 || healthTimeout.compareTo(Duration.ofMinutes(1)) > 0)) {
      throw new IllegalArgumentException("cfx.query.health-timeout must be from 100ms to 1m, was " + healthTimeout);
    }
  }
}
