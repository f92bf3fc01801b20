package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.RequestChannel;
import io.cfxtrace.endpoint.RequestChannelConfig;
import io.cfxtrace.endpoint.RequestHandler;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.codec.CfxCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Modified;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.amqp.transport.ReceiverSettleMode;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.engine.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * serves CFX requests that machines send to a broker address (a CFX.EndpointConnected's
 * RequestTargetAddress, {@code "/queue/SN23123"} in the CFX examples): a receiver on that address,
 * and each response sent through the same broker to the request's reply-to.
 *
 * <p>Per request: a body that is no CFX envelope, or a request without reply-to, is Rejected with
 * a condition naming the problem (the broker dead-letters it, or drops it). Otherwise the
 * application's {@link RequestHandler} answers it ({@link RequestDispatch}, as on the listener) on
 * its own threads, and the response is sent, raw JSON as the SDK's responder sends it, with
 * correlation-id = the request's message-id and the envelope's RequestID copied. Responses go
 * through the broker's anonymous relay when it offers the ANONYMOUS-RELAY capability (one sender
 * without target, each message routed by its {@code to}), otherwise through a sender link per
 * reply-to address, the {@value #MAX_REPLY_LINKS} last used kept open.
 *
 * <p>The request is settled Accepted only once the broker has accepted its response. A lost
 * connection (or a crash) in between makes the broker redeliver the request, which is then
 * answered again: the requester may get the answer twice. That is harmless: the SDK's requester
 * takes the first response with its RequestID, and validation requests only read. A response the
 * broker does not take (its reply-to address refused, say) leaves the request Modified with
 * delivery-failed, a second later, so that the broker's redelivery policy (Artemis
 * max-delivery-attempts, a RabbitMQ quorum queue's delivery-limit) decides between a new attempt
 * and its dead-letter queue: never lost here.
 *
 * <p>At most {@link RequestChannelConfig#maxInFlight()} requests are held unsettled (the link
 * credit, refilled as each is settled). A lost connection, or a link the broker closes (address
 * not found, access refused), reconnects with back-off. All Proton-J state is touched on the
 * connection's event loop; the handler's answers come back to it through {@link
 * AmqpConnection#execute}.
 */
public final class BrokerRequestChannel implements RequestChannel {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerRequestChannel.class);

  /** the connection capability of a broker that routes messages sent on a link without target (AMQP 1.0 addressing). */
  static final Symbol ANONYMOUS_RELAY = Symbol.valueOf("ANONYMOUS-RELAY");

  /** the source capability asking for a queue (Qpid JMS's for Session.createQueue consumers). */
  static final Symbol QUEUE_CAPABILITY = Symbol.valueOf("queue");

  /** reply links kept open without an anonymous relay: requesters' reply addresses come and go. */
  static final int MAX_REPLY_LINKS = 32;

  /** how long a request whose response the broker refused is held before it goes back to the broker. */
  static final Duration RETURN_DELAY = Duration.ofSeconds(1);

  private static final int MAX_FRAME_SIZE = 256 * 1024;

  private final RequestChannelConfig config;
  private final EndpointIdentity identity;
  private final RequestHandler handler;
  private final boolean anonymousRelayWhenOffered;
  private final CfxCodec codec = new CfxCodec();
  private final ClientConnector connector;
  private final String description;

  /**
   * a request channel, not yet started.
   *
   * @param io the sockets.
   * @param identity this endpoint: its handle is the container id and the responses' Source.
   * @param config the settings.
   * @param handler the application's answers.
   */
  public BrokerRequestChannel(NettyIo io, EndpointIdentity identity, RequestChannelConfig config, RequestHandler handler) {
    this(io, identity, config, handler, true);
  }

  /**
   * a request channel, not yet started.
   *
   * @param io the sockets.
   * @param identity this endpoint.
   * @param config the settings.
   * @param handler the application's answers.
   * @param anonymousRelayWhenOffered false to send through a link per reply-to address even when
   *     the broker offers an anonymous relay (for the tests of that path on a broker that offers it).
   */
  public BrokerRequestChannel(
      NettyIo io, EndpointIdentity identity, RequestChannelConfig config, RequestHandler handler, boolean anonymousRelayWhenOffered) {
    this.config = config;
    this.identity = identity;
    this.handler = handler;
    this.anonymousRelayWhenOffered = anonymousRelayWhenOffered;
    this.description = "request channel " + config.name() + " on " + config.address() + " at " + config.uri().host() + ":" + config.uri().port();
    this.connector =
        new ClientConnector(
            io,
            config.uri(),
            config.virtualHost(),
            config.tls(),
            identity.cfxHandle(),
            config.reconnect(),
            MAX_FRAME_SIZE,
            description,
            c -> new Served(c).open());
  }

  /** starts connecting. */
  public void start() {
    connector.start();
  }

  @Override
  public ChannelStatus status() {
    return connector.status();
  }

  @Override
  public void close() {
    connector.stop();
  }

  @Override
  public String toString() {
    return description;
  }

  /** a response on its way to the broker, with the request it answers. */
  private record Pending(Delivery request, String replyTo, String requestId, byte[] message) {}

  /** what one connection serves: the request receiver and the reply links; event loop only. */
  private final class Served implements AmqpConnection.LinkEvents {
    private final AmqpConnection connection;
    private final Session session;
    private final Receiver receiver;
    private final @Nullable ReplyLink relay;
    private final Map<String, ReplyLink> replyLinks = new LinkedHashMap<>(16, 0.75f, true);
    private long replyLinkCount;

    Served(AmqpConnection connection) {
      this.connection = connection;
      this.session = connection.proton().session();
      connection.openSession(session);
      this.receiver = session.receiver(config.address());
      Source source = new Source();
      source.setAddress(config.address());
      // requests are point-to-point: Artemis makes the address anycast for a "queue" source (as
      // for a Qpid JMS queue consumer) where its default for a new address is multicast, a
      // subscription of our own that requests sent to the queue never reach; RabbitMQ ignores it
      source.setCapabilities(QUEUE_CAPABILITY);
      receiver.setSource(source);
      receiver.setTarget(new Target());
      receiver.setReceiverSettleMode(ReceiverSettleMode.FIRST);
      boolean relayOffered = offers(connection.proton().getRemoteOfferedCapabilities(), ANONYMOUS_RELAY);
      this.relay = relayOffered && anonymousRelayWhenOffered ? new ReplyLink(null) : null;
    }

    void open() {
      connection.track(receiver, this);
      receiver.open();
      receiver.flow(config.maxInFlight());
    }

    @Override
    public void onRemoteOpen(Link link) {
      if (link.getRemoteSource() != null) { // a refused attach has no source; its detach follows
        LOG.info("{}: taking requests for {} (responses {})", description, identity.cfxHandle(),
            relay != null ? "through the anonymous relay" : "on a link per reply-to address");
        connector.attached();
      }
    }

    @Override
    public void onRemoteClose(Link link, CfxEndpointException error) {
      connector.recycle("the broker closed the request link from " + config.address() + ": " + error.getMessage());
    }

    @Override
    public void onDelivery(Delivery d) {
      Optional<byte[]> message = AmqpMessages.readComplete(receiver, d, RequestDispatch.MAX_REQUEST_BYTES);
      if (message.isEmpty()) {
        return;
      }
      RequestDispatch.Read read = RequestDispatch.read(codec, message.get());
      if (read.refusal() != null) {
        refuse(d, read.refusal());
        return;
      }
      CfxEnvelope request = read.request();
      String replyTo = read.properties().replyTo();
      if (replyTo == null || replyTo.isEmpty()) {
        refuse(d, AmqpErrors.invalidField(request.messageName() + " " + request.requestId() + " from " + request.source()
            + " has no reply-to: a request taken from a broker is answered at the address its reply-to names"));
        return;
      }
      String messageId = read.properties().messageId();
      // the handler may read a database: it answers on threads of its own, and the response is
      // sent from this connection's event loop (nothing runs if the connection is gone by then:
      // the broker redelivers the request to the next connection)
      RequestDispatch.answer(identity, handler, request)
          .thenAccept(response -> connection.execute(() -> send(d, replyTo, messageId, response)));
    }

    private void send(Delivery request, String replyTo, @Nullable String messageId, CfxEnvelope response) {
      if (receiver.getLocalState() != EndpointState.ACTIVE) {
        return; // the link is being recycled: the request goes back to the broker with it
      }
      AmqpMessages.Outgoing out =
          relay != null ? CfxAmqp.relayedResponse(codec, response, messageId, replyTo) : CfxAmqp.response(codec, response, messageId);
      ReplyLink link = relay != null ? relay : replyLink(replyTo);
      link.send(new Pending(request, replyTo, String.valueOf(response.requestId()), AmqpMessages.encode(out)));
    }

    /** the open reply link to an address, or a new one; the least recently used idle link beyond the limit is closed. */
    private ReplyLink replyLink(String address) {
      ReplyLink link = replyLinks.get(address);
      if (link != null) {
        return link;
      }
      link = new ReplyLink(address);
      replyLinks.put(address, link);
      Iterator<ReplyLink> eldest = replyLinks.values().iterator();
      while (replyLinks.size() > MAX_REPLY_LINKS && eldest.hasNext()) {
        ReplyLink candidate = eldest.next();
        if (candidate != link && candidate.idle()) {
          eldest.remove();
          candidate.sender.close();
        }
      }
      return link;
    }

    private void refuse(Delivery d, ErrorCondition condition) {
      LOG.warn("{}: request rejected: {}", description, condition.getDescription());
      RequestDispatch.reject(d, condition);
      receiver.flow(1);
    }

    /** the broker took the response: now the request is done. */
    private void answered(Pending p) {
      if (receiver.getLocalState() != EndpointState.ACTIVE) {
        return;
      }
      p.request().disposition(Accepted.getInstance());
      p.request().settle();
      receiver.flow(1);
    }

    /**
     * the broker did not take the response: the request goes back to it as a failed delivery,
     * after {@link #RETURN_DELAY}, so that a reply address the broker keeps refusing (the
     * requester's temporary queue is gone, say) costs one attempt a second and not a tight loop on
     * a broker that redelivers at once (RabbitMQ, Artemis without redelivery-delay).
     */
    private void notAnswered(Pending p, String why) {
      LOG.warn("{}: the response to {} was not taken by the broker ({}); the request goes back to the broker for redelivery in {} ms",
          description, p.requestId(), why, RETURN_DELAY.toMillis());
      connection.loop().schedule(() -> connection.execute(() -> returnToBroker(p)), RETURN_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void returnToBroker(Pending p) {
      if (receiver.getLocalState() != EndpointState.ACTIVE) {
        return; // gone with its link: the broker has it back already
      }
      Modified failed = new Modified();
      failed.setDeliveryFailed(true);
      p.request().disposition(failed);
      p.request().settle();
      receiver.flow(1);
    }

    /** a sender to one reply-to address, or (address null) the anonymous relay. */
    private final class ReplyLink implements AmqpConnection.LinkEvents {
      private final Sender sender;
      private final @Nullable String address;
      private final ArrayDeque<Pending> queued = new ArrayDeque<>();
      private final Set<Pending> unsettled = new LinkedHashSet<>();
      private long tags;
      private boolean gone;

      ReplyLink(@Nullable String address) {
        this.address = address;
        this.sender = session.sender(identity.cfxHandle() + "-responses-" + (++replyLinkCount));
        Target target = new Target();
        target.setAddress(address); // null: the anonymous relay
        sender.setTarget(target);
        sender.setSource(new Source());
        connection.track(sender, this);
        sender.open();
      }

      boolean idle() {
        return queued.isEmpty() && unsettled.isEmpty();
      }

      void send(Pending p) {
        if (gone) {
          notAnswered(p, "the link to " + describe() + " is closed");
          return;
        }
        queued.add(p);
        drain();
      }

      private void drain() {
        while (!queued.isEmpty() && sender.getCredit() > 0) {
          Pending p = queued.poll();
          Delivery out = sender.delivery(ByteBuffer.allocate(8).putLong(++tags).array());
          out.setContext(p);
          sender.send(p.message(), 0, p.message().length);
          sender.advance();
          unsettled.add(p);
        }
      }

      @Override
      public void onFlow(Link link) {
        drain();
      }

      @Override
      public void onDelivery(Delivery out) {
        DeliveryState state = out.getRemoteState();
        if (state == null && !out.remotelySettled()) {
          return;
        }
        Pending p = (Pending) out.getContext();
        out.settle();
        if (p == null || !unsettled.remove(p)) {
          return;
        }
        if (state instanceof Accepted) {
          answered(p);
        } else {
          notAnswered(p, "response to " + p.replyTo() + " " + outcome(state));
        }
      }

      @Override
      public void onRemoteClose(Link link, CfxEndpointException error) {
        gone = true;
        if (address != null) {
          replyLinks.remove(address, this);
        }
        List<Pending> failed = new ArrayList<>(unsettled);
        failed.addAll(queued);
        unsettled.clear();
        queued.clear();
        for (Pending p : failed) {
          notAnswered(p, "the broker closed the link to " + describe() + ": " + error.getMessage());
        }
        if (address == null) {
          // without the relay nothing can be answered on this connection
          connector.recycle("the broker closed the anonymous relay link: " + error.getMessage());
        }
      }

      private String describe() {
        return address == null ? "the anonymous relay" : address;
      }
    }
  }

  private static String outcome(@Nullable DeliveryState state) {
    if (state instanceof Rejected r && r.getError() != null) {
      return "rejected: " + r.getError().getCondition() + (r.getError().getDescription() == null ? "" : " " + r.getError().getDescription());
    }
    return "not accepted (" + (state == null ? "settled without outcome" : state.getClass().getSimpleName()) + ")";
  }

  private static boolean offers(Symbol @Nullable [] capabilities, Symbol wanted) {
    if (capabilities != null) {
      for (Symbol s : capabilities) {
        if (wanted.equals(s)) {
          return true;
        }
      }
    }
    return false;
  }
}
