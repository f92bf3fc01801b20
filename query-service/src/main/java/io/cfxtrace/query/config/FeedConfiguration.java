package io.cfxtrace.query.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * the live feed ({@code GET /api/events/stream}), under {@code cfx.query.feed}.
 *
 * @param pollInterval how often the one shared poller reads new rows of {@code raw_message}: the
 *     feed's latency, and one small indexed query per interval while any client listens.
 * @param clientBuffer how many events wait for one slow client before it is told it lagged.
 * @param gapWait how long the poller waits for a missing {@code feed_seq} (a transaction still
 *     committing, or one rolled back) before it moves past it.
 * @param maxClients how many streams may be open at once; one more is answered 503.
 * @param lookback how far back in {@code received_at} the feed reads: every feed query is bounded
 *     by it, so that on TimescaleDB it touches only the newest chunks (compressed chunks have no
 *     {@code feed_seq} index). A message stored more than this after the endpoint received it (the
 *     store was down that long) is in the store but not in the feed.
 */
@ConfigurationProperties("cfx.query.feed")
public record FeedConfiguration(
    @Bindable(defaultValue = "200ms") @NotNull Duration pollInterval,
    @Bindable(defaultValue = "1000") int clientBuffer,
    @Bindable(defaultValue = "2s") @NotNull Duration gapWait,
    @Bindable(defaultValue = "100") int maxClients,
    @Bindable(defaultValue = "1d") @NotNull Duration lookback) {

  /** checks the ranges. */
  public FeedConfiguration {
    if (pollInterval != null && (pollInterval.toMillis() < 10 || pollInterval.toSeconds() > 60)) {
      throw new IllegalArgumentException("cfx.query.feed.poll-interval must be from 10ms to 60s, was " + pollInterval);
    }
    if (clientBuffer < 1 || clientBuffer > 100_000) {
      throw new IllegalArgumentException("cfx.query.feed.client-buffer must be from 1 to 100000, was " + clientBuffer);
    }
    if (gapWait != null && (gapWait.isNegative() || gapWait.toMinutes() > 10)) {
      throw new IllegalArgumentException("cfx.query.feed.gap-wait must be from 0 to 10m, was " + gapWait);
    }
    if (lookback != null && (lookback.toMinutes() < 1 || lookback.toDays() > 30)) {
      throw new IllegalArgumentException("cfx.query.feed.lookback must be from 1m to 30d, was " + lookback);
    }
    if (maxClients < 1) {
      throw new IllegalArgumentException("cfx.query.feed.max-clients must be at least 1, was " + maxClients);
    }
  }
}
