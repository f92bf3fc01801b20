package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.RequestHandler;
import io.cfxtrace.model.codec.CfxCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * serves CFX requests on one connection, the way the SDK's request processor does: requests
 * arrive on a link whose target is this endpoint's handle; each response goes to the sender link
 * whose target address equals the request's reply-to (the requester attached it as a receiver
 * with source = our handle), carries the request's RequestID, and is pre-settled raw JSON. A
 * request whose reply-to matches no attached link is Rejected {@code amqp:not-found}.
 *
 * <p>Runs on the connection's event loop.
 */
final class RequestResponder {

  private static final Logger LOG = LoggerFactory.getLogger(RequestResponder.class);

  private final AmqpConnection connection;
  private final EndpointIdentity identity;
  private final RequestHandler handler;
  private final CfxCodec codec;
  private final Map<String, ResponseLink> responseLinks = new HashMap<>();

  RequestResponder(AmqpConnection connection, EndpointIdentity identity, RequestHandler handler, CfxCodec codec) {
    this.connection = connection;
    this.identity = identity;
    this.handler = handler;
    this.codec = codec;
  }

  /** accepts a link on which a peer sends us requests. */
  void acceptRequestLink(Receiver receiver) {
    RequestLink link = new RequestLink(receiver);
    connection.track(receiver, link);
    receiver.setTarget(receiver.getRemoteTarget());
    receiver.setSource(receiver.getRemoteSource());
    receiver.open();
    receiver.flow(RequestDispatch.REQUEST_CREDIT);
  }

  /**
   * accepts a link on which a peer receives our responses. The SDK's requester attaches it with
   * source = our handle and target = its reply address; a JMS requester with source = its reply
   * address (or a dynamic source, for which we name the address). It is registered under that
   * reply address, which requests then name in reply-to.
   *
   * @param sender our end of the link.
   * @param sourceIsOurHandle whether the source names our handle (SDK style).
   */
  void acceptResponseLink(Sender sender, boolean sourceIsOurHandle) {
    org.apache.qpid.proton.amqp.messaging.Source remoteSource =
        sender.getRemoteSource() instanceof org.apache.qpid.proton.amqp.messaging.Source s ? s : null;
    String replyAddress;
    if (sourceIsOurHandle) {
      replyAddress = sender.getRemoteTarget() == null ? null : sender.getRemoteTarget().getAddress();
      sender.setSource(sender.getRemoteSource());
    } else if (remoteSource != null && remoteSource.getDynamic()) {
      replyAddress = identity.cfxHandle() + "-reply-" + UUID.randomUUID();
      org.apache.qpid.proton.amqp.messaging.Source local = new org.apache.qpid.proton.amqp.messaging.Source();
      local.setAddress(replyAddress);
      local.setDynamic(true);
      sender.setSource(local);
    } else {
      replyAddress = remoteSource == null ? null : remoteSource.getAddress();
      sender.setSource(sender.getRemoteSource());
    }
    sender.setTarget(sender.getRemoteTarget());
    if (replyAddress == null || replyAddress.isEmpty()) {
      sender.setCondition(AmqpErrors.notFound("a response link needs an address that requests can name in reply-to"));
      sender.open();
      sender.close();
      return;
    }
    ResponseLink link = new ResponseLink(sender, replyAddress);
    responseLinks.put(replyAddress, link);
    connection.track(sender, link);
    sender.open();
  }

  /**
   * accepts a link that asks for a dynamic node, as Qpid JMS does for a temporary queue (a sender
   * with a dynamic target): we name the node in our attach, and the peer then attaches a receiver
   * from that address, which {@link #acceptResponseLink} takes as a response link. Nothing is sent
   * on this link (it gets no credit); it lives until the peer deletes the temporary queue.
   *
   * @param receiver our end of the link.
   */
  void acceptDynamicNode(Receiver receiver) {
    org.apache.qpid.proton.amqp.messaging.Target remote = (org.apache.qpid.proton.amqp.messaging.Target) receiver.getRemoteTarget();
    org.apache.qpid.proton.amqp.messaging.Target local = new org.apache.qpid.proton.amqp.messaging.Target();
    local.setAddress(identity.cfxHandle() + "-temp-" + UUID.randomUUID());
    local.setDynamic(true);
    local.setDurable(remote.getDurable());
    local.setExpiryPolicy(remote.getExpiryPolicy());
    local.setDynamicNodeProperties(remote.getDynamicNodeProperties());
    local.setCapabilities(remote.getCapabilities());
    receiver.setTarget(local);
    receiver.setSource(receiver.getRemoteSource());
    connection.track(receiver, new AmqpConnection.LinkEvents() {});
    receiver.open();
  }

  private final class RequestLink implements AmqpConnection.LinkEvents {
    private final Receiver receiver;

    RequestLink(Receiver receiver) {
      this.receiver = receiver;
    }

    @Override
    public void onDelivery(Delivery d) {
      java.util.Optional<byte[]> message = AmqpMessages.readComplete(receiver, d, RequestDispatch.MAX_REQUEST_BYTES);
      if (message.isPresent()) {
        answer(d, message.get());
        receiver.flow(1);
      }
    }

    private void answer(Delivery d, byte[] bytes) {
      RequestDispatch.Read read = RequestDispatch.read(codec, bytes);
      if (read.refusal() != null) {
        reject(d, read.refusal());
        return;
      }
      String replyTo = read.properties().replyTo();
      ResponseLink link = replyTo == null ? null : responseLinks.get(replyTo);
      if (link == null) {
        reject(d, AmqpErrors.notFound("no response link is attached with target \"" + replyTo + "\" (the request's reply-to)"));
        return;
      }
      // peer-to-peer, as the SDK's request processor: Accepted at once, the response pre-settled
      d.disposition(Accepted.getInstance());
      d.settle();
      String requestMessageId = read.properties().messageId();
      RequestDispatch.answer(identity, handler, read.request())
          .thenAccept(response -> connection.execute(() -> link.send(AmqpMessages.encode(CfxAmqp.response(codec, response, requestMessageId)))));
    }

    private void reject(Delivery d, ErrorCondition condition) {
      LOG.warn("{} from {}: request rejected: {}", connection.id(), connection.remoteAddress(), condition.getDescription());
      RequestDispatch.reject(d, condition);
    }
  }

  private final class ResponseLink implements AmqpConnection.LinkEvents {
    private final Sender sender;
    private final String address;
    private final Deque<byte[]> queued = new ArrayDeque<>();

    ResponseLink(Sender sender, String address) {
      this.sender = sender;
      this.address = address;
    }

    void send(byte[] message) {
      if (sender.getLocalState() == org.apache.qpid.proton.engine.EndpointState.CLOSED) {
        // the requester went away while its answer was being worked out (an asynchronous handler)
        return;
      }
      queued.add(message);
      drain();
    }

    private void drain() {
      while (!queued.isEmpty() && sender.getCredit() > 0) {
        byte[] m = queued.poll();
        Delivery out = sender.delivery(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        sender.send(m, 0, m.length);
        sender.advance();
        out.settle();
      }
    }

    @Override
    public void onFlow(Link link) {
      drain();
    }

    @Override
    public void onRemoteClose(Link link, CfxEndpointException error) {
      responseLinks.remove(address, this);
    }

    @Override
    public void onConnectionClosed(CfxEndpointException error) {
      queued.clear();
    }
  }
}
