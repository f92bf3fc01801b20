package io.cfxtrace.endpoint;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * the state of a client channel (a subscription, a publisher or a request channel), for health checks.
 *
 * @param state where the channel is.
 * @param since when it entered that state.
 * @param failedAttempts connection attempts that failed in a row.
 * @param lastError the last failure, or null.
 */
public record ChannelStatus(State state, Instant since, int failedAttempts, @Nullable String lastError) {

  /** checks the parts. */
  public ChannelStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
  }

  /** where a client channel is. */
  public enum State {
    /** connecting, or attaching its link. */
    CONNECTING,
    /** connected, link attached. */
    CONNECTED,
    /** waiting to retry after a failure. */
    RECONNECTING,
    /** closed by the application. */
    CLOSED
  }

  /**
   * whether the channel is up.
   *
   * @return true when connected.
   */
  public boolean isUp() {
    return state == State.CONNECTED;
  }
}
