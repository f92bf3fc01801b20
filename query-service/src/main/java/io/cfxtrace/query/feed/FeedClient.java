package io.cfxtrace.query.feed;

import io.micronaut.http.sse.Event;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * one live-feed client: its filter, its bounded buffer, and the stream of SSE events it reads.
 *
 * <p><b>Threads.</b> The feed's poller thread {@link #offer offers} events; the HTTP layer's
 * demand (Reactive Streams {@code request(n)}, on a Netty thread) and the poller both call {@link
 * #drain}, which emits only while there is demand, one thread at a time (the usual
 * work-in-progress counter), so a client that reads slowly holds events here, not in the server.
 *
 * <p><b>Overflow.</b> At most {@code capacity} envelopes wait. One more is not queued: a {@link
 * FeedNotice.Lagged} notice takes its place at the tail and counts it, and every further one while
 * the buffer stays full; when the client has read some, new envelopes queue after the notice. The
 * client thus reads, in order, what it was sent, then exactly which ids it missed, then what came
 * after: nothing is dropped silently.
 */
final class FeedClient {

  private final FeedFilter filter;
  private final int capacity;
  private final @Nullable Long resumeAfter;
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private final AtomicInteger wip = new AtomicInteger();
  private int queuedEvents;
  private long lastQueuedId;
  private volatile @Nullable FluxSink<Event<?>> sink;
  private volatile boolean closed;

  /**
   * creates the client.
   *
   * @param filter what it wants.
   * @param capacity how many envelopes may wait for it.
   * @param resumeAfter the last id it already has (Last-Event-ID), or null to start from now.
   */
  FeedClient(FeedFilter filter, int capacity, @Nullable Long resumeAfter) {
    this.filter = filter;
    this.capacity = capacity;
    this.resumeAfter = resumeAfter;
    this.lastQueuedId = resumeAfter == null ? 0 : resumeAfter;
  }

  FeedFilter filter() {
    return filter;
  }

  int capacity() {
    return capacity;
  }

  @Nullable Long resumeAfter() {
    return resumeAfter;
  }

  boolean closed() {
    return closed;
  }

  /**
   * the client's events; subscribing joins the feed, cancelling leaves it.
   *
   * @param join called once on subscription.
   * @param leave called once when the stream ends for any reason.
   * @return the events.
   */
  Flux<Event<?>> events(Runnable join, Runnable leave) {
    return Flux.create(s -> {
      sink = s;
      s.onRequest(n -> drain());
      s.onDispose(() -> {
        closed = true;
        leave.run();
      });
      join.run();
    }, FluxSink.OverflowStrategy.ERROR);
  }

  /**
   * queues an envelope when it passes the filter (poller thread), then drains.
   *
   * @param e the envelope.
   */
  void offer(FeedEvent e) {
    if (!filter.matches(e)) {
      return;
    }
    synchronized (queue) {
      if (queuedEvents < capacity) {
        queue.addLast(e);
        queuedEvents++;
        lastQueuedId = e.id();
      } else if (queue.peekLast() instanceof FeedNotice.Lagged lag) {
        queue.removeLast();
        queue.addLast(new FeedNotice.Lagged(lag.skipped() + 1, lag.after(), e.id()));
      } else {
        queue.addLast(new FeedNotice.Lagged(1, lastQueuedId, e.id()));
      }
    }
    drain();
  }

  /**
   * queues a notice (poller thread), then drains.
   *
   * @param notice the notice.
   */
  void notice(FeedNotice notice) {
    synchronized (queue) {
      queue.addLast(notice);
    }
    drain();
  }

  /** ends the stream; the client's EventSource reconnects with its Last-Event-ID. */
  void close() {
    FluxSink<Event<?>> s = sink;
    if (s != null) {
      s.complete();
    }
  }

  /** emits queued items while the HTTP layer asks for them. */
  void drain() {
    FluxSink<Event<?>> s = sink;
    if (s == null || wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    while (true) {
      while (s.requestedFromDownstream() > 0 && !s.isCancelled()) {
        Object item;
        synchronized (queue) {
          item = queue.pollFirst();
          if (item instanceof FeedEvent) {
            queuedEvents--;
          }
        }
        if (item == null) {
          break;
        }
        s.next(sse(item));
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private static Event<?> sse(Object item) {
    if (item instanceof FeedEvent e) {
      return Event.of(e).id(Long.toString(e.id()));
    }
    if (item instanceof FeedNotice.Lagged lag) {
      // its id is the last one sent, so that a reconnecting EventSource resumes before the gap
      return Event.of(lag).name("lagged").id(Long.toString(lag.after()));
    }
    // its id is where the client joined: an EventSource that reconnects before any envelope came
    // (a proxy or the server's idle timeout closed a quiet stream) resumes there, missing nothing
    return Event.of(item).name("ready").id(Long.toString(((FeedNotice.Ready) item).after()));
  }
}
