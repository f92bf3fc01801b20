package io.cfxtrace.simulators.demo;

import io.cfxtrace.endpoint.AmqpUri;
import org.jspecify.annotations.Nullable;

/**
 * the traffic of the demo: machines publishing CFX to the ingest listener.
 *
 * <p>{@link #start} returns at once and publishes on threads of its own until {@link #close}.
 */
public interface LineFeed extends AutoCloseable {

  /**
   * what the feed is, for the demo's start-up lines.
   *
   * @return for example {@code line Line1 (10 stations...), panels of 4, seed 1; continuing after 2723 envelopes, 18 s behind real
   *     time: it catches up at 20x, then runs in real time}.
   */
  String description();

  /**
   * the CFX handle of the line's last station: a board that departed from it is finished, so its
   * birth certificate is complete.
   *
   * @return the handle.
   */
  String lastStation();

  /**
   * starts publishing.
   *
   * @param target the ingest listener, with an address.
   * @throws Exception when the feed cannot start (a port for its own endpoints, its state file).
   */
  void start(AmqpUri target) throws Exception;

  /**
   * starts publishing, the machines asking an interlock first where the feed does (issue #15).
   *
   * @param target the ingest listener, with an address.
   * @param interlocks the interlock listener's request URI (handle {@code CfxTrace.Interlocks}).
   * @throws Exception when the feed cannot start.
   */
  default void start(AmqpUri target, AmqpUri interlocks) throws Exception {
    start(target);
  }

  /**
   * what keeps the feed from publishing, if anything.
   *
   * @return the problem, or null while all is well.
   */
  @Nullable String problem();

  /** stops publishing and keeps what is needed to continue next time. */
  @Override
  void close();
}
