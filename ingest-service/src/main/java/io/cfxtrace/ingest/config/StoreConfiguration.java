package io.cfxtrace.ingest.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * the event store's settings, under {@code cfx.store}.
 *
 * @param embeddedDataDirectory where the embedded PostgreSQL keeps its data when no datasource URL
 *     is configured; kept between runs.
 * @param embeddedPort the embedded PostgreSQL's port; 0 picks a free one.
 * @param compressAfter with TimescaleDB: chunks older than this are compressed.
 * @param retention with TimescaleDB: chunks older than this are dropped; {@code 0s} (the default)
 *     keeps everything forever, as audits of 5-10+ years need.
 */
@ConfigurationProperties("cfx.store")
public record StoreConfiguration(
    @Bindable(defaultValue = "data/postgres") @NotBlank String embeddedDataDirectory,
    @Bindable(defaultValue = "0") @Min(0) @Max(65535) int embeddedPort,
    @Bindable(defaultValue = "7d") @NotNull Duration compressAfter,
    @Bindable(defaultValue = "0s") @NotNull Duration retention) {}
