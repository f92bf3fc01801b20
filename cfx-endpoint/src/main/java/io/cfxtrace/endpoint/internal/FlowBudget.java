package io.cfxtrace.endpoint.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * the bytes of received messages that the sink has not confirmed yet, across all links of an
 * endpoint.
 *
 * <p>Back-pressure rule: a link grants new AMQP credit only while the budget has room. When it is
 * full, links wait (their peers run out of credit and stop sending) and are woken in arrival order
 * as stores complete. A message is charged what it holds on the heap once decoded (its JSON text
 * times a tree-and-records factor, see InboundReceiver#heldBytes), not its gzip size. Memory is
 * thus bounded by the budget plus, per link, the credit it was already granted times the largest
 * message.
 *
 * <p>Thread-safe.
 */
public final class FlowBudget {

  private final long limit;
  private long inFlight;
  private final Deque<Runnable> waiting = new ArrayDeque<>();

  /**
   * a budget.
   *
   * @param limitBytes bytes in flight above which no credit is granted.
   */
  public FlowBudget(long limitBytes) {
    if (limitBytes <= 0) {
      throw new IllegalArgumentException("flow budget must be positive, was " + limitBytes);
    }
    this.limit = limitBytes;
  }

  /** counts a received message. */
  public synchronized void acquire(long bytes) {
    inFlight += bytes;
  }

  /** a message was stored (or failed): frees its bytes and wakes waiting links. */
  public void release(long bytes) {
    List<Runnable> wake = new ArrayList<>();
    synchronized (this) {
      inFlight -= bytes;
      while (inFlight < limit && !waiting.isEmpty()) {
        wake.add(waiting.poll());
      }
    }
    wake.forEach(Runnable::run);
  }

  /**
   * whether credit may be granted now; if not, {@code wakeUp} runs (on the releasing thread) once
   * there is room.
   *
   * @param wakeUp hands the link's credit top-up back to its own event loop.
   * @return true if there is room now.
   */
  public synchronized boolean roomOrWait(Runnable wakeUp) {
    if (inFlight < limit) {
      return true;
    }
    waiting.add(wakeUp);
    return false;
  }

  /** bytes received and not yet confirmed, for metrics. */
  public synchronized long inFlight() {
    return inFlight;
  }
}
