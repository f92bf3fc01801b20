package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.EnvelopeSink;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.MessageOrigin;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.DecodeOutcome;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
  private boolean linkGone;
  private boolean waitingForBudget;

  /** bytes of one delivery while its transfers arrive. */
  private static final class Partial {
    final Bytes bytes = new Bytes();
    long total;
    boolean oversize;
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
    if (!delivery.isReadable() && !delivery.isPartial()) {
      return; // a disposition update for a delivery we already handled
    }
    Partial partial = (Partial) delivery.getContext();
    if (partial == null) {
      partial = new Partial();
      delivery.setContext(partial);
    }
    int pending = delivery.pending();
    if (pending > 0) {
      byte[] chunk = new byte[pending];
      int read = receiver.recv(chunk, 0, pending);
      if (read > 0) {
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
      }
    }
    if (delivery.isPartial()) {
      return;
    }
    receiver.advance();
    delivery.setContext(null);
    if (delivery.isAborted()) {
      delivery.settle();
      topUpCredit();
      return;
    }
    handle(delivery, partial);
  }

  private void handle(Delivery delivery, Partial partial) {
    long held = 0;
    Instant receivedAt = CLOCK.instant();
    byte[] wire = partial.bytes.toByteArray();
    InboundMessage message;
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
        // decoded by the sink as a stream, on its thread, one at a time: held until then as
        // received, and charged so (issue #13: twenty 30 MB results decoded here at once were
        // twenty trees on the heap)
        message = InboundMessage.undecoded(origin, new InboundMessage.LargeBody(received.body(), json, codec));
      } else {
        message = toInbound(received, origin);
        held = json * DECODED_BYTES_PER_JSON_BYTE;
      }
    }
    unsettled++;
    long bytes = partial.oversize ? wire.length : Math.max(partial.total, held);
    budget.acquire(bytes);
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
          budget.release(bytes);
          connection.execute(() -> settle(delivery, error));
        });
  }

  /** JSON trees and records take about this many heap bytes per byte of JSON text. */
  static final int DECODED_BYTES_PER_JSON_BYTE = 6;

  /**
   * what a decoded message holds on the heap until it is stored: its JSON text times {@link
   * #DECODED_BYTES_PER_JSON_BYTE}. For gzip the JSON length is the stream's ISIZE trailer (RFC
   * 1952: length mod 2^32), so a 2 MB SPI result that inflates to 11 MB of JSON is charged as
   * such, not as 2 MB, and the flow budget bounds the heap rather than the wire.
   */
  static long heldBytes(byte[] body) {
    return jsonBytes(body) * DECODED_BYTES_PER_JSON_BYTE;
  }

  /** a body's JSON length: for gzip the ISIZE trailer, else its own length. */
  static long jsonBytes(byte[] body) {
    long json = body.length;
    if (CfxCodec.isGzip(body) && body.length >= 18) {
      int n = body.length;
      json = (body[n - 4] & 0xFFL) | (body[n - 3] & 0xFFL) << 8 | (body[n - 2] & 0xFFL) << 16 | (body[n - 1] & 0xFFL) << 24;
    }
    return json;
  }

  /**
   * the largest body, in bytes of JSON text, decoded on the network thread when the sink decodes
   * large bodies itself ({@link EnvelopeSink#decodesLargeBodies}).
   */
  static final long DECODE_HERE_AT_MOST = 1024 * 1024;

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

  @Override
  public void onRemoteClose(Link link, CfxEndpointException error) {
    linkGone = true;
    if (error.amqpCondition() != null) {
      LOG.warn("{} on {}: link closed by the peer: {}", address, channelName, error.getMessage());
    }
  }

  @Override
  public void onConnectionClosed(CfxEndpointException error) {
    linkGone = true;
  }

  /** whether the link waits for the flow budget (for health and tests). */
  boolean waitingForBudget() {
    return waitingForBudget;
  }
}
