package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.CfxEndpointException.Code;
import io.cfxtrace.endpoint.TlsConfig;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CfxDecodeException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.engine.Session;
import org.jspecify.annotations.Nullable;

/**
 * sends one CFX request to a peer endpoint and waits for its response, interoperable with the
 * SDK's ExecuteRequestAsync: a fresh connection per request; a receiver link named {@code
 * request-receiver} with source = the target's handle and target = a reply address {@code
 * <ownHandle>-<guid>}; a sender link named after the reply address with target = the target's
 * handle; the request carries reply-to = the reply address; the response is matched on the
 * envelope's RequestID (the SDK's correlation-id is a constant and useless).
 *
 * <p>The timeout covers connecting too: a peer that is down fails with {@code CONNECTION_REFUSED}
 * at once, one that does not answer with {@code TIMEOUT}, never a hang.
 */
public final class Requester {

  /** responses larger than this are cut (and then fail to decode, naming the problem). */
  private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

  /**
   * the largest frame a response may come in. Proton-J allocates four buffers of this size for
   * each connection, and a request is a connection of its own: at 256 KiB a request cost a megabyte
   * of zeroed memory, a quarter of a requesting machine's CPU time in the interlock benchmark. A
   * larger response comes in several frames (AMQP 1.0 transfers with {@code more}).
   */
  private static final int MAX_FRAME_SIZE = 16 * 1024;

  private final NettyIo io;
  private final CfxCodec codec = new CfxCodec();

  /**
   * a requester.
   *
   * @param io the sockets.
   */
  public Requester(NettyIo io) {
    this.io = io;
  }

  /**
   * sends a request.
   *
   * @param peer the peer's request URI (its RequestNetworkUri).
   * @param tls TLS for amqps, or null.
   * @param ownHandle this endpoint's handle.
   * @param request the request envelope; Target is the peer's handle, RequestID set.
   * @param timeout how long to wait for the response, connecting included.
   * @return the response envelope, or a {@link CfxEndpointException}.
   */
  public CompletableFuture<CfxEnvelope> request(
      AmqpUri peer, @Nullable TlsConfig tls, String ownHandle, CfxEnvelope request, Duration timeout) {
    String target = Objects.requireNonNull(request.target(), "request Target (the peer's handle)");
    String replyAddress = ownHandle + "-" + UUID.randomUUID();
    String what = request.messageName() + " to " + target + " at " + peer.host() + ":" + peer.port();
    CompletableFuture<CfxEnvelope> result = new CompletableFuture<>();
    ClientConnector connector =
        new ClientConnector(
            io,
            peer,
            null,
            tls,
            ownHandle,
            null,
            MAX_FRAME_SIZE,
            "request " + what,
            new ClientConnector.Callbacks() {
              @Override
              public void onConnected(AmqpConnection c) {
                open(c, target, replyAddress, request, result, what);
              }

              @Override
              public void onGaveUp(CfxEndpointException error) {
                result.completeExceptionally(error);
              }
            });
    ScheduledFuture<?> timer =
        io.group()
            .schedule(
                () -> result.completeExceptionally(new CfxEndpointException(Code.TIMEOUT, "no response to " + what + " within " + timeout.toMillis() + " ms")),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    result.whenComplete(
        (r, e) -> {
          timer.cancel(false);
          connector.stop();
        });
    connector.start();
    return result;
  }

  private void open(AmqpConnection c, String target, String replyAddress, CfxEnvelope request, CompletableFuture<CfxEnvelope> result, String what) {
    Session session = c.proton().session();
    session.open();
    Receiver receiver = session.receiver("request-receiver");
    Source source = new Source();
    source.setAddress(target);
    receiver.setSource(source);
    Target replyTarget = new Target();
    replyTarget.setAddress(replyAddress);
    receiver.setTarget(replyTarget);
    c.track(receiver, new ResponseEvents(receiver, request, result, what));
    receiver.open();
    receiver.flow(300);

    Sender sender = session.sender(replyAddress);
    Target requestTarget = new Target();
    requestTarget.setAddress(target);
    sender.setTarget(requestTarget);
    sender.setSource(new Source());
    byte[] message = AmqpMessages.encode(CfxAmqp.request(codec, request, replyAddress));
    c.track(
        sender,
        new AmqpConnection.LinkEvents() {
          private boolean sent;

          @Override
          public void onFlow(Link link) {
            if (!sent && sender.getCredit() > 0) {
              sent = true;
              sender.delivery(new byte[] {1});
              sender.send(message, 0, message.length);
              sender.advance();
            }
          }

          @Override
          public void onDelivery(Delivery d) {
            DeliveryState state = d.getRemoteState();
            if (state instanceof Rejected r) {
              String desc = r.getError() == null ? "" : ": " + r.getError().getCondition() + " " + r.getError().getDescription();
              result.completeExceptionally(
                  new CfxEndpointException(
                      r.getError() != null && "amqp:not-found".equals(String.valueOf(r.getError().getCondition())) ? Code.NOT_FOUND : Code.REJECTED,
                      what + " was rejected" + desc,
                      r.getError() == null ? null : String.valueOf(r.getError().getCondition()),
                      false,
                      null));
            }
            if (d.remotelySettled()) {
              d.settle();
            }
          }

          @Override
          public void onRemoteClose(Link link, CfxEndpointException error) {
            result.completeExceptionally(error);
          }
        });
    sender.open();
  }

  private final class ResponseEvents implements AmqpConnection.LinkEvents {
    private final Receiver receiver;
    private final CfxEnvelope request;
    private final CompletableFuture<CfxEnvelope> result;
    private final String what;

    ResponseEvents(Receiver receiver, CfxEnvelope request, CompletableFuture<CfxEnvelope> result, String what) {
      this.receiver = receiver;
      this.request = request;
      this.result = result;
      this.what = what;
    }

    @Override
    public void onDelivery(Delivery d) {
      java.util.Optional<byte[]> message = AmqpMessages.readComplete(receiver, d, MAX_RESPONSE_BYTES);
      if (message.isEmpty()) {
        return;
      }
      d.disposition(Accepted.getInstance());
      d.settle();
      byte[] bytes = message.get();
      AmqpMessages.Received m = AmqpMessages.decode(bytes, bytes.length);
      try {
        CfxEnvelope response = codec.decodeEnvelope(m.body());
        if (Objects.equals(response.requestId(), request.requestId())) {
          result.complete(response);
        }
      } catch (CfxDecodeException e) {
        result.completeExceptionally(
            new CfxEndpointException(Code.DECODE_ERROR, "the response to " + what + " is not a CFX envelope: " + e.getMessage()));
      }
    }

    @Override
    public void onRemoteClose(Link link, CfxEndpointException error) {
      result.completeExceptionally(error);
    }
  }
}
