package io.cfxtrace.ingest.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * the ingest service's own settings, under {@code cfx.ingest}.
 *
 * @param handle this endpoint's CFX handle (requests to it are answered).
 * @param zonelessOffset the UTC offset assumed for CFX timestamps written without a zone (SDK
 *     "unspecified" DateTimes), for example {@code +01:00}; the text is stored unchanged either
 *     way.
 * @param queueCapacity received messages waiting for the writer; when full, a message is
 *     Released so the sender retries. The endpoint's credit and flow budget keep the queue below
 *     this in normal operation.
 * @param batchSize messages written per database transaction at most.
 * @param batchDelay how long the writer waits to fill a batch once the first message is there.
 * @param retryMaxDelay the longest back-off between retries while the database is unreachable.
 * @param flowBudgetMb megabytes received and not yet committed, across all links, above which
 *     no AMQP credit is granted.
 * @param healthTimeout how long {@code GET /health} waits for the database before it answers
 *     DOWN; below a container probe's own timeout (5 s in docker/compose.yaml), so that the probe
 *     always gets an answer. From 100ms to 1m.
 */
@ConfigurationProperties("cfx.ingest")
public record IngestConfiguration(
    @Bindable(defaultValue = "CfxTrace.Ingest") @NotBlank String handle,
    @Bindable(defaultValue = "+00:00") @NotBlank @Pattern(regexp = "[+-]\\d{2}:\\d{2}|Z", message = "must be an offset such as +01:00 or Z") String zonelessOffset,
    @Bindable(defaultValue = "20000") @Min(1) int queueCapacity,
    @Bindable(defaultValue = "1000") @Min(1) @Max(100000) int batchSize,
    @Bindable(defaultValue = "20ms") @NotNull Duration batchDelay,
    @Bindable(defaultValue = "30s") @NotNull Duration retryMaxDelay,
    @Bindable(defaultValue = "256") @Min(1) int flowBudgetMb,
    @Bindable(defaultValue = "1s") @NotNull Duration healthTimeout) {

  /** checks what the annotations cannot express. */
  public IngestConfiguration {
    if (healthTimeout != null && (healthTimeout.toMillis() < 100 || healthTimeout.compareTo(Duration.ofMinutes(1)) > 0)) {
      throw new IllegalArgumentException("cfx.ingest.health-timeout must be from 100ms to 1m, was " + healthTimeout);
    }
  }
}
