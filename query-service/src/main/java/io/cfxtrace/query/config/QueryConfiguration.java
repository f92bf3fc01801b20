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
 *     shorter than this, and only this far before the setup ended.
 */
@ConfigurationProperties("cfx.query")
public record QueryConfiguration(
    @Bindable(defaultValue = "30s") @NotNull Duration statementTimeout,
    @Bindable(defaultValue = "12h") @NotNull Duration longestTransaction) {

  /** checks what the constraints cannot express. */
  public QueryConfiguration {
    if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.toSeconds() < 1)) {
      throw new IllegalArgumentException("cfx.query.statement-timeout must be at least 1s, was " + statementTimeout);
    }
    if (longestTransaction != null && (longestTransaction.isNegative() || longestTransaction.isZero())) {
      throw new IllegalArgumentException("cfx.query.longest-transaction must be positive, was " + longestTransaction);
    }
  }
}
