package io.cfxtrace.query.feed;

/** what the live feed says about the stream itself, besides the envelopes. */
public sealed interface FeedNotice {

  /**
   * the SSE event {@code ready}: the stream is live; what was stored after {@code after} and
   * matches the filters follows as it is stored. Comes once, after any events a resuming client
   * missed. The event's id is {@code after}, so that a client reconnecting before any envelope came
   * resumes where it joined.
   *
   * @param after the last id stored before the client joined.
   */
  record Ready(long after) implements FeedNotice {}

  /**
   * the SSE event {@code lagged}: the client did not read fast enough and its buffer filled, so the
   * events after {@code after}, up to and including {@code through}, that matched its filters were
   * not sent: {@code skipped} of them. They are still in the store: a client that needs them opens
   * the stream again with {@code Last-Event-ID: after} (the event's own id is {@code after}, so a
   * browser's EventSource that reconnects resumes there by itself).
   *
   * @param skipped how many matching events were not sent.
   * @param after the id of the last event sent before the gap.
   * @param through the id of the last event not sent.
   */
  record Lagged(long skipped, long after, long through) implements FeedNotice {}
}
