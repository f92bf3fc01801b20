package io.cfxtrace.endpoint.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * the bytes of received messages that the sink has not confirmed yet, across all links of an
 * endpoint.
 *
 * <p>Back-pressure rule: bytes are charged as they are taken from the connection, before a message
 * is complete, and a delivery takes more only while the budget has room ({@link #mayRead}); the
 * rest waits in the AMQP session, whose incoming window (see AmqpConnection#sessionWindow) then
 * closes, so a sender cannot push more, whatever credit it holds. A link also grants new credit
 * only while the budget has room. Waiting links and deliveries are woken in arrival order as stores
 * complete. A message decoded on the network thread is then charged what it holds on the heap (its
 * JSON text times a tree-and-records factor, see InboundReceiver#heldBytes); one the sink decodes
 * itself stays charged its bytes as received. Memory for received messages is thus bounded by the
 * budget, plus one message read on the overdraft, plus each session's window.
 *
 * <p>Thread-safe.
 */
public final class FlowBudget {

  private final long limit;
  private long inFlight;
  /** the part of {@link #inFlight} charged to deliveries still being read. */
  private long reading;
  private final Deque<Runnable> waiting = new ArrayDeque<>();
  /** the one delivery that may read past the limit, or null. */
  private @org.jspecify.annotations.Nullable Object overdraft;

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

  /**
   * the limit.
   *
   * @return bytes.
   */
  public long limit() {
    return limit;
  }

  /** counts received bytes. */
  public synchronized void acquire(long bytes) {
    inFlight += bytes;
  }

  /** a message was stored (or failed): frees its bytes and wakes waiting links. */
  public void release(long bytes) {
    List<Runnable> wake = new ArrayList<>();
    synchronized (this) {
      inFlight -= bytes;
      while ((inFlight < limit || (overdraft == null && inFlight == reading)) && !waiting.isEmpty()) {
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

  /**
   * whether a delivery may take more of its bytes from the connection now: while under the limit,
   * or when it holds the overdraft. One delivery at a time may read past the limit, up to the
   * message size limit, so that deliveries partly read when the budget ran out cannot hold all of
   * it while each waits for the others to finish. A delivery that may not read leaves its bytes in
   * the AMQP session, whose incoming window then closes: the sender stops.
   *
   * @param delivery the delivery (its identity is what counts).
   * @param wakeUp hands the delivery's reading back to its own event loop once there is room or the
   *     overdraft is free.
   * @return true if it may read now.
   */
  public synchronized boolean mayRead(Object delivery, Runnable wakeUp) {
    if (inFlight < limit || overdraft == delivery) {
      return true;
    }
    if (overdraft == null && inFlight == reading) {
      // all that is charged belongs to deliveries still being read: no store will free any of it,
      // so one of them must go on
      overdraft = delivery;
      return true;
    }
    waiting.add(wakeUp);
    return false;
  }

  /**
   * counts bytes taken from a delivery still being read.
   *
   * @param bytes the bytes.
   */
  public synchronized void acquireReading(long bytes) {
    inFlight += bytes;
    reading += bytes;
  }

  /**
   * bytes of a delivery being read were let go (the discarded rest of an oversized message).
   *
   * @param bytes the bytes.
   */
  public void releaseReading(long bytes) {
    synchronized (this) {
      reading -= bytes;
    }
    release(bytes);
  }

  /**
   * a delivery was read to its end: its bytes are now held until its store completes ({@link
   * #release}), and it gives up the overdraft if it held it.
   *
   * @param delivery the delivery.
   * @param bytes the bytes charged while reading it.
   */
  public void readEnded(Object delivery, long bytes) {
    List<Runnable> wake = List.of();
    synchronized (this) {
      reading -= bytes;
      if (overdraft == delivery) {
        overdraft = null;
        wake = new ArrayList<>(waiting);
        waiting.clear();
      }
    }
    wake.forEach(Runnable::run);
  }

  /** bytes received and not yet confirmed, for metrics. */
  public synchronized long inFlight() {
    return inFlight;
  }
}
