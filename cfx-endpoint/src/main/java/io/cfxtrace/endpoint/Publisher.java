package io.cfxtrace.endpoint;

import io.cfxtrace.model.CfxEnvelope;
import java.util.concurrent.CompletionStage;

/**
 * a publish channel with an on-disk spool: an envelope is appended to the spool before {@link
 * #publish} returns, sent in order, resent after reconnects until the peer settles it Accepted,
 * and only then removed. After a crash, unsent envelopes are sent on the next start.
 */
public interface Publisher extends AutoCloseable {

  /**
   * publishes an envelope.
   *
   * <p>Blocks only for the spool write (and its fsync, if configured).
   *
   * @param envelope the envelope.
   * @return completes when the peer accepted it; fails if it could not be spooled (the spool is
   *     full or the disk failed), naming the problem. It never fails because the peer is down:
   *     then it completes later.
   */
  CompletionStage<Void> publish(CfxEnvelope envelope);

  /**
   * envelopes spooled but not yet accepted.
   *
   * @return the count.
   */
  long pending();

  /**
   * the connection state.
   *
   * @return the status.
   */
  ChannelStatus status();

  /** stops the heartbeat, closes the connection and the spool; unsent envelopes stay spooled. */
  @Override
  void close();
}
