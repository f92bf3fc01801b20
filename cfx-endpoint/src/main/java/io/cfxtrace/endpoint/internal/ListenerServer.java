package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.EnvelopeSink;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.RequestHandler;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CodecLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sender;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * a peer-to-peer listener (the SDK's ContainerHost with listeners and a request processor):
 * machines connect, authenticate with SASL, and attach
 *
 * <ul>
 *   <li>sender links to a configured address, to publish to us as to a broker exchange;
 *   <li>sender links to our CFX handle, to send requests;
 *   <li>receiver links from our CFX handle (SDK style) or from their reply address (JMS style), on
 *       which our responses come back;
 *   <li>sender links with a dynamic target (a JMS temporary queue), whose address we assign and
 *       which then serves as a reply address.
 * </ul>
 *
 * Anything else is refused with {@code amqp:not-found}; connections and links over the limits with
 * {@code amqp:resource-limit-exceeded} (links count while open). A connection that has not sent
 * its AMQP open within the idle timeout is dropped.
 */
public final class ListenerServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerServer.class);

  private final NettyIo io;
  private final ListenerConfig config;
  private final EndpointIdentity identity;
  private final RequestHandler handler;
  private final EnvelopeSink sink;
  private final FlowBudget budget;
  private final CfxCodec codec;
  private final @Nullable SslContext ssl;
  private final AtomicInteger active = new AtomicInteger();
  private final Set<AmqpConnection> connections = ConcurrentHashMap.newKeySet();
  private @Nullable Channel serverChannel;
  private int port;

  /**
   * a listener, not yet bound.
   *
   * @param io the sockets.
   * @param config the listener's settings.
   * @param identity this endpoint's identity (its handle receives requests).
   * @param handler application answers to requests.
   * @param sink where received messages go.
   * @param budget the endpoint's flow budget.
   */
  public ListenerServer(
      NettyIo io, ListenerConfig config, EndpointIdentity identity, RequestHandler handler, EnvelopeSink sink, FlowBudget budget) {
    this.io = io;
    this.config = config;
    this.identity = identity;
    this.handler = handler;
    this.sink = sink;
    this.budget = budget;
    ListenerConfig.Limits l = config.limits();
    this.codec = new CfxCodec(CodecLimits.defaults().withMaxPayloadBytes(l.maxMessageSize()).withMaxInflatedBytes(l.maxInflatedSize()));
    this.ssl = config.tls() == null ? null : NettyIo.serverTls(config.tls());
  }

  /**
   * binds the socket.
   *
   * @return the bound port.
   * @throws CfxEndpointException {@code BIND_FAILED} naming host, port and the reason.
   */
  public int start() throws CfxEndpointException {
    ChannelFuture f = io.bind(config.host(), config.port(), ssl, this::newConnection).awaitUninterruptibly();
    if (!f.isSuccess()) {
      throw new CfxEndpointException(
          CfxEndpointException.Code.BIND_FAILED,
          "listener " + config.name() + " cannot listen on " + config.host() + ":" + config.port() + ": "
              + (f.cause() == null ? "unknown reason" : f.cause().getMessage())
              + (config.port() != 0 ? " (is another program using the port?)" : ""),
          null,
          true,
          f.cause());
    }
    serverChannel = f.channel();
    port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    LOG.info("listener {} on {}:{} ({}), addresses {}", config.name(), config.host(), port, ssl == null ? "amqp" : "amqps", config.addresses().isEmpty() ? "any" : config.addresses());
    return port;
  }

  /** the bound port. */
  public int port() {
    return port;
  }

  /** open connections, for metrics and health. */
  public int connectionCount() {
    return active.get();
  }

  private AmqpConnection newConnection(Channel ch) {
    active.incrementAndGet();
    ListenerConfig.Limits l = config.limits();
    Peer peer = new Peer();
    AmqpConnection c =
        new AmqpConnection(
            ch,
            peer,
            "machine " + String.valueOf(ch.remoteAddress()).replaceFirst("^/", "") + " on listener " + config.name(),
            l.maxFrameSize(),
            (int) Math.min(Integer.MAX_VALUE, l.idleTimeout().toMillis()));
    c.sessionWindow(budget.limit());
    SaslServer.install(c, config.allowAnonymous(), config.users());
    peer.responder = new RequestResponder(c, identity, handler, codec);
    connections.add(c);
    if (!l.idleTimeout().isZero()) {
      // Proton enforces the idle timeout only on an opened connection: a socket that never
      // completes SASL and Open would otherwise hold a connection slot for ever
      peer.openDeadline = ch.eventLoop().schedule(() -> peer.dropIfNotOpened(c, ch), l.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    return c;
  }

  /** one connected peer's state. */
  private final class Peer implements AmqpConnection.Events {
    private RequestResponder responder;
    private boolean opened;
    private io.netty.util.concurrent.@Nullable ScheduledFuture<?> openDeadline;

    /** runs on the connection's event loop once the idle timeout has passed since the accept. */
    void dropIfNotOpened(AmqpConnection c, Channel ch) {
      if (!opened && ch.isActive()) {
        LOG.warn("listener {}: dropping {}: no AMQP open within the idle timeout of {}", config.name(), c.remoteAddress(), config.limits().idleTimeout());
        ch.close();
      }
    }

    @Override
    public void onOpened(AmqpConnection c) {
      opened = true;
      if (active.get() > config.limits().maxConnections()) {
        LOG.warn("listener {}: refusing {}: {} connections open, limit {}", config.name(), c.remoteAddress(), active.get() - 1, config.limits().maxConnections());
        c.closeWith(AmqpErrors.resourceLimit("listener " + config.name() + " allows " + config.limits().maxConnections() + " connections"));
        return;
      }
      c.proton().setContainer(identity.cfxHandle());
      c.proton().open();
      LOG.debug("listener {}: {} connected as {}", config.name(), c.remoteAddress(), c.proton().getRemoteContainer());
    }

    @Override
    public void onRemoteLinkOpen(AmqpConnection c, Link link) {
      if (openLinks(c) >= config.limits().maxLinksPerConnection()) {
        refuse(link, AmqpErrors.resourceLimit("listener " + config.name() + " allows " + config.limits().maxLinksPerConnection() + " links per connection"));
        return;
      }
      if (link instanceof Receiver receiver) {
        Target target = receiver.getRemoteTarget() instanceof Target t ? t : null;
        String address = target == null ? null : target.getAddress();
        if (target != null && target.getDynamic()) {
          // a JMS temporary queue: Qpid JMS attaches a sender with a dynamic target, reads the
          // address we assign and consumes its responses from there
          responder.acceptDynamicNode(receiver);
        } else if (address != null && address.equalsIgnoreCase(identity.cfxHandle())) {
          responder.acceptRequestLink(receiver);
        } else if (address != null && (config.addresses().isEmpty() || config.addresses().contains(address))) {
          receiver.setTarget(receiver.getRemoteTarget());
          receiver.setSource(receiver.getRemoteSource());
          receiver.setSenderSettleMode(receiver.getRemoteSenderSettleMode());
          new InboundReceiver(c, receiver, config.name(), address, codec, sink, budget, config.limits().credit(), config.limits().maxMessageSize()).open();
        } else {
          refuse(link, AmqpErrors.notFound("listener " + config.name() + " accepts messages at " + (config.addresses().isEmpty() ? "any address" : config.addresses()) + " and requests at " + identity.cfxHandle() + ", not at \"" + address + "\""));
        }
      } else if (link instanceof Sender sender) {
        Source source = sender.getRemoteSource() instanceof Source s ? s : null;
        String address = source == null ? null : source.getAddress();
        if (address != null && address.toLowerCase(Locale.ROOT).equals(identity.cfxHandle().toLowerCase(Locale.ROOT))) {
          responder.acceptResponseLink(sender, true);
        } else if (source != null && (source.getDynamic() || address != null)) {
          // a requester's reply link in JMS style (source = its reply address, or dynamic); this
          // listener has no other message sources
          responder.acceptResponseLink(sender, false);
        } else {
          refuse(link, AmqpErrors.notFound("listener " + config.name() + " has no message source; responses come from " + identity.cfxHandle()));
        }
      }
    }

    private void refuse(Link link, org.apache.qpid.proton.amqp.transport.ErrorCondition condition) {
      link.setSource(link.getRemoteSource());
      link.setTarget(null);
      link.setCondition(condition);
      link.open();
      link.close();
    }

    /** links this side has open on the connection; closed links are freed and not counted. */
    private int openLinks(AmqpConnection c) {
      EnumSet<EndpointState> active = EnumSet.of(EndpointState.ACTIVE);
      int n = 0;
      for (Link l = c.proton().linkHead(active, null); l != null; l = l.next(active, null)) {
        n++;
      }
      return n;
    }

    @Override
    public void onClosed(AmqpConnection c, @Nullable CfxEndpointException error) {
      if (openDeadline != null) {
        openDeadline.cancel(false);
      }
      active.decrementAndGet();
      connections.remove(c);
      if (error != null && error.code() != CfxEndpointException.Code.CONNECTION_LOST) {
        LOG.info("listener {}: {} disconnected: {}", config.name(), c.remoteAddress(), error.getMessage());
      }
    }
  }

  /** stops listening and closes every connection with {@code amqp:connection:forced}. */
  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly();
    }
    for (AmqpConnection c : connections) {
      c.execute(() -> c.closeWith(AmqpErrors.shuttingDown()));
    }
  }
}
