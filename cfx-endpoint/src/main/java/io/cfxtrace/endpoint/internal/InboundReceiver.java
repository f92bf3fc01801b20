package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.EnvelopeSink;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.MessageOrigin;
import io.cfxtrace.model.codec.CfxCodec;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * receives CFX messages on one link, from a machine publishing to our listener or from a broker
 * queue we subscribed to, and hands each to the {@link EnvelopeSink}.
 *
 * <p>Delivery contract: a delivery is settled Accepted only when the sink's store completes;
 * undecodable payloads become dead letters and are Accepted once stored (the SDK resends Rejected
 * or Released messages in a tight loop); a failed store Releases the delivery. Credit: at most
 * {@code credit} deliveries are unsettled per link, and none is granted while the endpoint's
 * {@link FlowBudget} is full.
 *
 * <p>Oversized messages: a message over the size limit is read to its end (so that the link stays
 * usable) and becomes a dead letter holding its first {@value #KEEP_OF_OVERSIZE} bytes (64 KiB, or
 * the limit if that is smaller) as evidence: the start of the AMQP message as received, header,
 * properties and the beginning of the body. Its reason gives the real size and the limit; its
 * origin has the AMQP properties as far as those first bytes hold them. The rest is discarded as
 * it arrives, and the delivery is Accepted like any other dead letter.
 *
 * <p>Runs on the connection's event loop.
 */
class InboundReceiver implements AmqpConnection.LinkEvents {

  private static final Logger LOG = LoggerFactory.getLogger(InboundReceiver.class);
  static final int KEEP_OF_OVERSIZE = 64 * 1024;
  private static final Clock CLOCK = Clock.systemUTC();

  private final AmqpConnection connection;
  private final Receiver receiver;
  private final String channelName;
  private final String address;
  private final CfxCodec codec;
  private final EnvelopeSink sink;
  private final FlowBudget budget;
  private final int credit;
  private final long maxMessageSize;
  private int unsettled;
  /** deliveries taken in part, whose bytes are charged to the budget until read to their end. */
  private final java.util.Set<Delivery> reading = new java.util.LinkedHashSet<>();
  private boolean linkGone;
  private boolean waitingForBudget;

  /** bytes of one delivery while its transfers arrive. */
  private static final class Partial {
    Bytes bytes = new Bytes();
    /** bytes received. */
    long total;
    /** bytes charged to the budget: those kept. */
    long charged;
    boolean oversize;
    /** waits for the budget (see FlowBudget#mayRead). */
    boolean parked;
  }

  /** a byte buffer that can drop all but its first bytes, releasing the rest of its array. */
  private static final class Bytes extends ByteArrayOutputStream {
    void keepFirst(int n) {
      if (count > n) {
        count = n;
      }
      buf = java.util.Arrays.copyOf(buf, count);
    }
  }

  InboundReceiver(
      AmqpConnection connection,
      Receiver receiver,
      String channelName,
      String address,
      CfxCodec codec,
      EnvelopeSink sink,
      FlowBudget budget,
      int credit,
      long maxMessageSize) {
    this.connection = connection;
    this.receiver = receiver;
    this.channelName = channelName;
    this.address = address;
    this.codec = codec;
    this.sink = sink;
    this.budget = budget;
    this.credit = credit;
    this.maxMessageSize = maxMessageSize;
  }

  /** opens the link (if not open) and grants the first credit. */
  void open() {
    connection.track(receiver, this);
    receiver.setMaxMessageSize(org.apache.qpid.proton.amqp.UnsignedLong.valueOf(maxMessageSize));
    receiver.open();
    topUpCredit();
  }

  @Override
  public void onDelivery(Delivery delivery) {
    // a link's deliveries are read in order, from the receiver's current one: a later delivery's
    // frames wait until those before it were read to their end (they may wait for the budget)
    Delivery d = delivery;
    while (d != null && d == receiver.current() && (d.isReadable() || d.isPartial()) && read(d)) {
      d = receiver.current();
    }
  }

  /**
   * takes what the budget allows of the current delivery.
   *
   * @return true when the delivery was read to its end and handed on (the link advanced).
   */
  private boolean read(Delivery delivery) {
    if (linkGone || connection.isClosed()) {
      return false; // its bytes were let go with the link (dropPartlyRead)
    }
    Partial partial = (Partial) delivery.getContext();
    if (partial == null) {
      partial = new Partial();
      delivery.setContext(partial);
      reading.add(delivery);
    }
    if (partial.parked) {
      return false; // more frames of a delivery that waits for the budget: read when woken
    }
    int pending;
    while ((pending = delivery.pending()) > 0) {
      // bytes are charged as they are taken, and taken only within the budget: the rest stays in
      // the session, whose window closes, so the sender stops before the heap fills (issue #13)
      if (!budget.mayRead(delivery, () -> connection.execute(() -> resume(delivery)))) {
        partial.parked = true;
        return false;
      }
      byte[] chunk = new byte[Math.min(pending, READ_CHUNK)];
      int read = receiver.recv(chunk, 0, chunk.length);
      if (read <= 0) {
        break;
      }
      budget.acquireReading(read);
      partial.charged += read;
      partial.total += read;
      int keep = (int) Math.min(KEEP_OF_OVERSIZE, maxMessageSize);
      if (!partial.oversize && partial.total > maxMessageSize) {
        // until now every byte was kept, up to the limit: keep only the evidence from here on
        partial.oversize = true;
        partial.bytes.keepFirst(keep);
      }
      int room = partial.oversize ? keep - partial.bytes.size() : read;
      if (room > 0) {
        partial.bytes.write(chunk, 0, Math.min(room, read));
      }
      if (partial.oversize && partial.charged > partial.bytes.size()) {
        budget.releaseReading(partial.charged - partial.bytes.size()); // discarded as it arrives
        partial.charged = partial.bytes.size();
      }
    }
    if (delivery.isPartial()) {
      return false;
    }
    budget.readEnded(delivery, partial.charged);
    reading.remove(delivery);
    receiver.advance();
    delivery.setContext(null);
    if (delivery.isAborted()) {
      budget.release(partial.charged); // read to its end above: only the hold is left
      delivery.settle();
      topUpCredit();
      return true;
    }
    handle(delivery, partial);
    return true;
  }

  /** the budget has room again for a delivery that waited: reads on where it stopped. */
  private void resume(Delivery delivery) {
    Partial partial = (Partial) delivery.getContext();
    if (partial == null || linkGone || connection.isClosed()) {
      return;
    }
    partial.parked = false;
    onDelivery(delivery);
  }

  private void handle(Delivery delivery, Partial partial) {
    Instant receivedAt = CLOCK.instant();
    byte[] wire = partial.bytes.toByteArray();
    partial.bytes = null;
    InboundMessage message;
    long bytes = partial.charged;
    if (partial.oversize) {
      // the properties sections come before the body, so the kept start usually holds them
      MessageOrigin origin = origin(AmqpMessages.decode(wire, wire.length).properties(), receivedAt);
      message =
          new InboundMessage(
              origin,
              List.of(),
              List.of(
                  new InboundMessage.DeadLetter(
                      0,
                      wire,
                      null,
                      "AMQP message of " + partial.total + " bytes exceeds the limit of " + maxMessageSize
                          + " bytes; its first " + wire.length + " bytes are kept")));
      LOG.warn("{} on {} from {}: message of {} bytes over the limit of {}", address, channelName, connection.remoteAddress(), partial.total, maxMessageSize);
    } else {
      AmqpMessages.Received received = AmqpMessages.decode(wire, wire.length);
      MessageOrigin origin = origin(received.properties(), receivedAt);
      long json = jsonBytes(received.body());
      if (received.problem() == null && sink.decodesLargeBodies() && json > DECODE_HERE_AT_MOST) {
        // decoded by the sink, on its thread, one at a time: held until then as received
        message = InboundMessage.undecoded(origin, new InboundMessage.LargeBody(received.body(), codec));
      } else {
        message = toInbound(received, origin);
        // what it holds on the heap until stored: a 2 MB SPI result that inflates to 11 MB of JSON
        // is charged as such, not as 2 MB, so that the budget bounds the heap rather than the wire
        long held = json * DECODED_BYTES_PER_JSON_BYTE;
        if (held > bytes) {
          budget.acquire(held - bytes);
          bytes = held;
        }
      }
    }
    unsettled++;
    long charged = bytes;
    CompletionStage<Void> stored;
    try {
      stored = sink.store(message);
    } catch (RuntimeException e) {
      stored = java.util.concurrent.CompletableFuture.failedFuture(e);
    }
    stored.whenComplete(
        (ok, error) -> {
          // the bytes are no longer held whatever became of the connection: released here and not
          // in settle(), which does not run once the connection is closed
          budget.release(charged);
          connection.execute(() -> settle(delivery, error));
        });
  }

  /** bytes taken from a delivery at a time. */
  private static final int READ_CHUNK = 64 * 1024;

  /**
   * the largest body, in bytes of JSON text, decoded on the network thread when the sink decodes
   * large bodies itself ({@link EnvelopeSink#decodesLargeBodies}): larger ones reach it as
   * received, to be decoded as a stream one at a time.
   */
  static final long DECODE_HERE_AT_MOST = 1024 * 1024;

  /** JSON trees and records take about this many heap bytes per byte of JSON text. */
  static final int DECODED_BYTES_PER_JSON_BYTE = 6;

  /**
   * the length of a body's JSON text: for gzip the stream's ISIZE trailer (RFC 1952: length mod
   * 2^32), else the body's own length.
   */
  static long jsonBytes(byte[] body) {
    long json = body.length;
    if (CfxCodec.isGzip(body) && body.length >= 18) {
      int n = body.length;
      json = (body[n - 4] & 0xFFL) | (body[n - 3] & 0xFFL) << 8 | (body[n - 2] & 0xFFL) << 16 | (body[n - 1] & 0xFFL) << 24;
    }
    return json;
  }

  private InboundMessage toInbound(AmqpMessages.Received received, MessageOrigin origin) {
    if (received.problem() != null) {
      return new InboundMessage(origin, List.of(), List.of(new InboundMessage.DeadLetter(0, received.body(), null, received.problem())));
    }
    try {
      return InboundMessage.of(origin, received.body(), codec.decode(received.body()));
    } catch (RuntimeException e) {
      // the codec's contract is to never throw; if it does, the payload is still kept
      LOG.error("CFX decoder failed on a payload from {}", connection.remoteAddress(), e);
      return new InboundMessage(origin, List.of(), List.of(new InboundMessage.DeadLetter(0, received.body(), null, "internal decoder error: " + e)));
    }
  }

  private MessageOrigin origin(io.cfxtrace.endpoint.AmqpProperties properties, Instant receivedAt) {
    return new MessageOrigin(
        channelName,
        connection.id(),
        connection.remoteAddress(),
        connection.proton().getRemoteContainer(),
        connection.user(),
        address,
        properties,
        receivedAt);
  }

  private void settle(Delivery delivery, @Nullable Throwable error) {
    unsettled--;
    if (linkGone || connection.isClosed()) {
      return; // the peer redelivers what we did not settle; the sink de-duplicates
    }
    if (error == null) {
      delivery.disposition(Accepted.getInstance());
    } else {
      LOG.warn("{} on {}: store failed, releasing the delivery for redelivery: {}", address, channelName, error.toString());
      delivery.disposition(Released.getInstance());
    }
    delivery.settle();
    topUpCredit();
  }

  private void topUpCredit() {
    if (linkGone || connection.isClosed()) {
      return;
    }
    if (!budget.roomOrWait(this::budgetFreed)) {
      waitingForBudget = true;
      return;
    }
    int target = credit - unsettled;
    int current = receiver.getCredit();
    if (target > current) {
      receiver.flow(target - current);
    }
  }

  private void budgetFreed() {
    connection.execute(
        () -> {
          waitingForBudget = false;
          topUpCredit();
        });
  }

  /** the link is gone with deliveries read in part: their bytes are no longer held. */
  private void dropPartlyRead() {
    for (Delivery d : reading) {
      Partial partial = (Partial) d.getContext();
      if (partial != null) {
        budget.readEnded(d, partial.charged);
        budget.release(partial.charged);
        partial.charged = 0;
        partial.bytes = null;
        d.setContext(null);
      }
    }
    reading.clear();
  }

  @Override
  public void onRemoteClose(Link link, CfxEndpointException error) {
    linkGone = true;
    dropPartlyRead();
    if (error.amqpCondition() != null) {
      LOG.warn("{} on {}: link closed by the peer: {}", address, channelName, error.getMessage());
    }
  }

  @Override
  public void onConnectionClosed(CfxEndpointException error) {
    linkGone = true;
    dropPartlyRead();
  }

  /** whether the link waits for the flow budget (for health and tests). */
  boolean waitingForBudget() {
    return waitingForBudget;
  }
}
