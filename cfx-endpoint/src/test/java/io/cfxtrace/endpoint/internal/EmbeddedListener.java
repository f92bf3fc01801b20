package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.EnvelopeSink;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.RequestHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Endpoint;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Link;
import org.jspecify.annotations.Nullable;

/**
 * a {@link ListenerServer} whose connections run on Netty {@link EmbeddedChannel}s instead of
 * sockets, so that a test feeds a connection the bytes a peer would send, on the test thread, and
 * checks what the listener made of them. Everything above the socket is the production code: each
 * channel gets the listener's own per-connection set-up ({@code ListenerServer#newConnection}: SASL
 * server, request responder, the {@code Peer} that opens links, {@link InboundReceiver}s) behind
 * NettyIo's own channel handler; both are private, so they are reached by reflection, and a
 * rename fails here at once. An {@link EmbeddedChannel}'s event loop is the calling thread, which
 * keeps the engine on one thread as in production.
 *
 * <p>The sink records which Proton delivery each stored message came from (the delivery the
 * receiver has just advanced past when it calls the sink), and completes the store now or later,
 * normally or exceptionally, as the test chooses, so that {@link #checkSettlements} can hold the
 * listener to the delivery contract of {@link EnvelopeSink}: Accepted only after a store completed
 * normally, Released after one failed, never left unsettled on a live link.
 *
 * <p>Not thread-safe: one test thread.
 */
final class EmbeddedListener {

  /** the listener's name. */
  static final String NAME = "fuzz";

  /** the CFX handle of the endpoint: requests are addressed to it. */
  static final String HANDLE = "CfxTrace.Fuzz.Listener";

  /** the PLAIN user the listener knows, besides ANONYMOUS. */
  static final String USER = "machine";

  static final String PASSWORD = "secret";

  /** how a store ends. */
  enum Outcome {
    /** completes normally: the message is stored. */
    STORED,
    /** completes exceptionally: the store failed. */
    FAILED,
    /** the sink throws instead of returning a stage (a sink bug the endpoint treats as a failure). */
    THROWS
  }

  /** one message the sink was given, with the delivery it came on. */
  static final class Store {
    final InboundMessage message;
    final @Nullable Delivery delivery;
    final Outcome outcome;
    final CompletableFuture<Void> result = new CompletableFuture<>();

    Store(InboundMessage message, @Nullable Delivery delivery, Outcome outcome) {
      this.message = message;
      this.delivery = delivery;
      this.outcome = outcome;
    }

    boolean completed() {
      return outcome == Outcome.THROWS || result.isDone();
    }

    void complete() {
      if (outcome == Outcome.STORED) {
        result.complete(null);
      } else if (outcome == Outcome.FAILED) {
        result.completeExceptionally(new IOException("the event store failed (scripted)"));
      }
    }
  }

  /** what the sink does with the next stores. */
  interface Script {
    /** the outcome of the n-th store of the connection (0-based). */
    Outcome outcome(int n);

    /** whether the store completes inside the sink's call (else when the test says). */
    boolean completesAtOnce();
  }

  /** every store completes normally inside the sink's call. */
  static final Script STORE_AT_ONCE =
      new Script() {
        @Override
        public Outcome outcome(int n) {
          return Outcome.STORED;
        }

        @Override
        public boolean completesAtOnce() {
          return true;
        }
      };

  private final ListenerConfig config;
  private final FlowBudget budget;
  private final ListenerServer server;
  private final NettyIo io;
  private final Method newConnection;
  private final Constructor<? extends ChannelInboundHandler> nettyHandler;
  private final Sink sink = new Sink();

  /**
   * a listener with the given settings (host and port are ignored: nothing is bound).
   *
   * @param config the settings.
   * @param flowBudgetBytes the endpoint's flow budget.
   */
  EmbeddedListener(ListenerConfig config, long flowBudgetBytes) {
    this.config = config;
    this.budget = new FlowBudget(flowBudgetBytes);
    // the listener's constructor wants the endpoint's sockets; nothing is bound on them here
    this.io = new NettyIo(1);
    this.server = new ListenerServer(io, config, EndpointIdentity.of(HANDLE, null), RequestHandler.STANDARD, sink, budget);
    try {
      newConnection = ListenerServer.class.getDeclaredMethod("newConnection", Channel.class);
      newConnection.setAccessible(true);
      @SuppressWarnings("unchecked")
      Class<? extends ChannelInboundHandler> handler =
          (Class<? extends ChannelInboundHandler>) Class.forName(NettyIo.class.getName() + "$Handler");
      nettyHandler = handler.getDeclaredConstructor(Function.class);
      nettyHandler.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "the embedded listener drives ListenerServer#newConnection(Channel) and NettyIo.Handler(Function); was one renamed? " + e, e);
    }
  }

  /** the settings the fuzz target and its tests use: small limits, so that inputs reach them. */
  static ListenerConfig smallLimits() {
    ListenerConfig.Limits limits =
        new ListenerConfig.Limits(
            // one connection: a connection slot the listener failed to free refuses the next machine
            1,
            4,
            // AMQP's smallest frame: a message of a few hundred bytes already takes several transfers
            512,
            16 * 1024,
            64 * 1024,
            Duration.ofSeconds(30),
            3);
    return ListenerConfig.anonymous(NAME, "127.0.0.1", 0).withSasl(Map.of(USER, PASSWORD), true).withLimits(limits);
  }

  ListenerConfig config() {
    return config;
  }

  /** the listener's open connections. */
  int connectionCount() {
    return server.connectionCount();
  }

  /** bytes the sink has not finished storing. */
  long bytesInFlight() {
    return budget.inFlight();
  }

  /**
   * a peer connects.
   *
   * @param script what the sink does with this connection's messages.
   * @return the connection.
   */
  Peer connect(Script script) {
    return new Peer(script);
  }

  /** stops the listener's (unused) event loops. */
  void close() {
    io.close();
  }

  /** one accepted connection, fed by the test. */
  final class Peer {
    private final Script script;
    private final Probe probe;
    private final EmbeddedChannel channel;
    private @Nullable AmqpConnection connection;
    private final List<Store> stores = new ArrayList<>();
    private final Set<Delivery> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private Peer(Script script) {
      this.script = script;
      sink.peer = this;
      ChannelInboundHandler handler;
      try {
        handler = nettyHandler.newInstance((Function<Channel, AmqpConnection>) this::accept);
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot make NettyIo's channel handler: " + e, e);
      }
      probe = new Probe(handler);
      // registered and active at once: the listener sees the accept and pumps the engine
      channel = new EmbeddedChannel(probe);
    }

    private AmqpConnection accept(Channel ch) {
      try {
        connection = (AmqpConnection) newConnection.invoke(server, ch);
        return connection;
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }

    /** whether the listener still has the socket open. */
    boolean isOpen() {
      return channel.isOpen();
    }

    /**
     * bytes from the peer, as one read of the socket; ignored once the listener closed it.
     *
     * @return false if the socket was closed (before or by these bytes).
     */
    boolean write(byte[] bytes, int offset, int length) {
      if (!channel.isOpen()) {
        return false;
      }
      // the engine copies what it reads; a copy here keeps the caller's array unshared
      channel.writeInbound(Unpooled.copiedBuffer(bytes, offset, length));
      channel.runPendingTasks();
      return channel.isOpen();
    }

    /** what the listener wrote since the last call, in order; the buffers are released. */
    byte[] read() {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      ByteBuf b;
      while ((b = channel.readOutbound()) != null) {
        try {
          byte[] chunk = new byte[b.readableBytes()];
          b.readBytes(chunk);
          out.writeBytes(chunk);
        } finally {
          b.release();
        }
      }
      return out.toByteArray();
    }

    /** drops what the listener wrote. */
    void discardOutput() {
      channel.releaseOutbound();
    }

    /** the stores made for this connection, in order. */
    List<Store> stores() {
      return stores;
    }

    /** completes the stores the sink holds, in order, and runs what that hands to the connection. */
    void completeStores() {
      for (Store s : stores) {
        if (!s.completed()) {
          s.complete();
          channel.runPendingTasks();
        }
      }
      channel.runPendingTasks();
    }

    /** lets the listener's timers run as if {@code time} had passed (idle and open deadlines). */
    void elapse(Duration time) {
      if (channel.isOpen()) {
        channel.advanceTimeBy(time.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
      }
    }

    /** the peer goes away: the socket closes, as a TCP reset or FIN would close it. */
    void disconnect() {
      channel.close();
      channel.runPendingTasks();
      channel.finishAndReleaseAll();
    }

    /** what reached Netty's exception path from the connection's handler, or null. */
    @Nullable Throwable escaped() {
      return probe.escaped;
    }

    /** the listener's engine for this connection (null if the accept failed). */
    @Nullable AmqpConnection connection() {
      return connection;
    }

    /**
     * the delivery the sink's message came from: the one delivery of an {@link InboundReceiver}
     * link that the receiver has advanced past, that is not settled and not yet given to the sink.
     */
    private @Nullable Delivery deliveryBeingStored() {
      AmqpConnection c = connection;
      if (c == null) {
        return null;
      }
      List<Delivery> found = new ArrayList<>();
      for (Link l = c.proton().linkHead(null, null); l != null; l = l.next(null, null)) {
        if (!(l.getContext() instanceof InboundReceiver)) {
          continue;
        }
        Delivery current = l.current();
        for (Delivery d = l.head(); d != null && d != current; d = d.next()) {
          if (!d.isSettled() && !seen.contains(d)) {
            found.add(d);
          }
        }
      }
      return found.size() == 1 ? found.get(0) : null;
    }

    private CompletionStage<Void> store(InboundMessage message) {
      Delivery d = deliveryBeingStored();
      Outcome outcome = script.outcome(stores.size());
      Store s = new Store(message, d, outcome);
      stores.add(s);
      if (d != null) {
        seen.add(d);
      }
      if (outcome == Outcome.THROWS) {
        throw new IllegalStateException("the sink failed (scripted)");
      }
      if (script.completesAtOnce()) {
        s.complete();
      }
      return s.result;
    }

    /**
     * the delivery contract of {@link EnvelopeSink}, checked once every store has completed: a
     * message stored is settled Accepted, a failed store Released, unless its link, session or
     * connection ended first (then the peer resends it); nothing else is settled.
     *
     * @return what is wrong, one line per delivery; empty when all is well.
     */
    List<String> checkSettlements() {
      List<String> wrong = new ArrayList<>();
      for (int i = 0; i < stores.size(); i++) {
        Store s = stores.get(i);
        String which = "store " + i + " (" + s.outcome + ")";
        if (s.message.envelopes().isEmpty() && s.message.deadLetters().isEmpty()) {
          wrong.add(which + ": the sink was given a message with neither envelopes nor dead letters (what was received is lost)");
        }
        if (s.delivery == null) {
          wrong.add(which + ": cannot tell which delivery the sink was given (none or several candidates)");
          continue;
        }
        if (!s.completed()) {
          wrong.add(which + ": never completed (the test must complete every store before checking)");
          continue;
        }
        Delivery d = s.delivery;
        boolean shouldAccept = s.outcome == Outcome.STORED;
        // a delivery freed with its link (the peer detached it) counts as settled in Proton-J but
        // has no outcome: nothing was sent, the peer resends it
        Object state = d.getLocalState();
        if (state != null) {
          if (!d.isSettled()) {
            wrong.add(which + ": given the outcome " + state + " but not settled");
          } else if (shouldAccept && !(state instanceof Accepted)) {
            wrong.add(which + ": stored, but settled as " + state);
          } else if (!shouldAccept && !(state instanceof Released)) {
            wrong.add(which + ": not stored, but settled as " + state + (state instanceof Accepted ? " (the peer will not resend it: lost)" : ""));
          }
        } else if (live(d.getLink())) {
          wrong.add(which + ": left unsettled on a live link (" + d.getLink().getName() + ")");
        }
      }
      return wrong;
    }

    /** whether a settlement on the link would still reach the peer. */
    boolean live(Link link) {
      AmqpConnection c = connection;
      return c != null && !c.isClosed() && channel.isOpen() && open(c.proton()) && open(link.getSession()) && open(link);
    }

    /** the deliveries given to the sink that the listener has given an outcome. */
    long settled() {
      return stores.stream().filter(s -> s.delivery != null && s.delivery.getLocalState() != null).count();
    }
  }

  private static boolean open(Endpoint e) {
    return e.getLocalState() == EndpointState.ACTIVE && e.getRemoteState() == EndpointState.ACTIVE;
  }

  /** the listener's sink: hands each message to the connection being fed. */
  private static final class Sink implements EnvelopeSink {
    private @Nullable Peer peer;

    @Override
    public CompletionStage<Void> store(InboundMessage message) {
      Peer p = peer;
      if (p == null) {
        throw new IllegalStateException("a message arrived with no connection being fed");
      }
      return p.store(message);
    }
  }

  /**
   * calls NettyIo's handler as Netty would, and records what Netty would have had to catch: a
   * throwable thrown out of the handler (Netty passes it to exceptionCaught, which closes the
   * connection as if the socket had failed) or one passed to exceptionCaught.
   */
  private static final class Probe extends ChannelInboundHandlerAdapter {
    private final ChannelInboundHandler handler;
    private @Nullable Throwable escaped;

    Probe(ChannelInboundHandler handler) {
      this.handler = handler;
    }

    private interface Call {
      void run() throws Exception;
    }

    private void guard(ChannelHandlerContext ctx, Call call) throws Exception {
      try {
        call.run();
      } catch (Throwable t) {
        if (escaped == null) {
          escaped = t;
        }
        handler.exceptionCaught(ctx, t);
      }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      guard(ctx, () -> handler.channelActive(ctx));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      guard(ctx, () -> handler.channelRead(ctx, msg));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      guard(ctx, () -> handler.channelInactive(ctx));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
      if (escaped == null) {
        escaped = cause;
      }
      handler.exceptionCaught(ctx, cause);
    }
  }
}
