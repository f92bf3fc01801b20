package io.cfxtrace.endpoint;

import java.util.concurrent.CompletionStage;

/**
 * where received CFX messages go: the event store, in cfx-trace.
 *
 * <p>Delivery contract (at-least-once): the endpoint settles the AMQP delivery as Accepted only
 * after the stage returned by {@link #store} completes normally, which must mean the message (its
 * envelopes and dead letters) is durably stored. Dead letters are stored like envelopes and the
 * delivery is then Accepted too, because the SDK resends Rejected and Released messages in a tight
 * loop. If the stage completes exceptionally, the delivery is Released, so a broker redelivers it
 * and a publishing machine resends it. A sink that is slow simply completes late: the endpoint
 * grants AMQP credit only as stores complete, so a slow or failed store stops the senders instead
 * of filling memory.
 *
 * <p>Redeliveries and replays reach the sink again; it must be idempotent by envelope UniqueID.
 */
@FunctionalInterface
public interface EnvelopeSink {

  /**
   * stores a received message.
   *
   * <p>Called on a network thread: it must not block. Completion may happen on any thread.
   *
   * @param message the message.
   * @return completes normally once durably stored, exceptionally if it was not stored.
   */
  CompletionStage<Void> store(InboundMessage message);

  /**
   * whether this sink takes bodies too large to decode on the network thread undecoded ({@link
   * InboundMessage#needsDecoding}), to decode them on its own thread with {@link
   * InboundMessage#decodeLarge}, one at a time. Then the endpoint holds such a body only as the
   * bytes received, within its flow budget, instead of decoding every large message that arrives
   * at once.
   *
   * @return false unless the sink decodes large bodies itself.
   */
  default boolean decodesLargeBodies() {
    return false;
  }
}
