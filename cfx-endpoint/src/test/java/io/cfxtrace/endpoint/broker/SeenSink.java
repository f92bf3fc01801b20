package io.cfxtrace.endpoint.broker;

import io.cfxtrace.endpoint.EnvelopeSink;
import io.cfxtrace.endpoint.InboundMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * a sink that records the UniqueID of every envelope it is asked to store, in call order
 * (redeliveries included), and completes each store according to its {@link Mode}.
 *
 * <p>Thread-safe: stores arrive on network threads, the test reads from its own.
 */
final class SeenSink implements EnvelopeSink {

  /** how stores complete. */
  enum Mode {
    /** at once, successfully. */
    STORE,
    /** never, until {@link #release()}: the deliveries stay unsettled. */
    HOLD,
    /** the first store of a UniqueID fails, later ones succeed. */
    FAIL_FIRST_TIME
  }

  private final List<String> arrivals = new ArrayList<>();
  private final Set<String> seen = new LinkedHashSet<>();
  private final List<CompletableFuture<Void>> held = new ArrayList<>();
  private final int storeFirst;
  private Mode mode;

  /** a sink in the given mode. */
  SeenSink(Mode mode) {
    this(mode, 0);
  }

  /**
   * a sink that stores the first {@code storeFirst} distinct envelopes at once and only then
   * switches to {@code mode}.
   */
  SeenSink(Mode mode, int storeFirst) {
    this.mode = mode;
    this.storeFirst = storeFirst;
  }

  @Override
  public synchronized CompletionStage<Void> store(InboundMessage message) {
    boolean firstTime = false;
    for (InboundMessage.Envelope e : message.envelopes()) {
      String id = e.envelope().uniqueId();
      arrivals.add(id);
      firstTime |= seen.add(id);
    }
    Mode now = seen.size() <= storeFirst ? Mode.STORE : mode;
    switch (now) {
      case HOLD -> {
        CompletableFuture<Void> f = new CompletableFuture<>();
        held.add(f);
        return f;
      }
      case FAIL_FIRST_TIME -> {
        return firstTime
            ? CompletableFuture.failedFuture(new IllegalStateException("scripted store failure"))
            : CompletableFuture.completedFuture(null);
      }
      default -> {
        return CompletableFuture.completedFuture(null);
      }
    }
  }

  /** completes every held store successfully and stores all later messages at once. */
  void release() {
    List<CompletableFuture<Void>> toComplete;
    synchronized (this) {
      mode = Mode.STORE;
      toComplete = List.copyOf(held);
      held.clear();
    }
    toComplete.forEach(f -> f.complete(null));
  }

  /** every UniqueID stored, in call order, redeliveries included. */
  synchronized List<String> arrivals() {
    return List.copyOf(arrivals);
  }

  /** the distinct UniqueIDs in the order they were first seen. */
  synchronized List<String> firstSeen() {
    return List.copyOf(seen);
  }

  synchronized int distinct() {
    return seen.size();
  }

  /** stores held open right now. */
  synchronized int heldCount() {
    return held.size();
  }

  @Override
  public synchronized String toString() {
    return "SeenSink[" + arrivals.size() + " stores, " + seen.size() + " distinct, " + held.size() + " held]";
  }
}
