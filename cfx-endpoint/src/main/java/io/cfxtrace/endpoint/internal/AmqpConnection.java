package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.CfxEndpointException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.engine.Collector;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Session;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.engine.TransportException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * one AMQP 1.0 connection: the Proton-J engine (connection, transport, collector) pumped by the
 * bytes of one Netty channel.
 *
 * <p>Threading: every method must run on {@link #loop()}, the channel's event loop, and so does
 * every callback; other threads hand work over with {@link #execute(Runnable)}. Nothing thrown by
 * a handler escapes the loop: it closes the connection with {@code amqp:internal-error}.
 *
 * <p>Links carry their {@link LinkEvents} as Proton context ({@link Link#setContext}).
 */
public final class AmqpConnection {

  private static final Logger LOG = LoggerFactory.getLogger(AmqpConnection.class);
  private static final AtomicLong IDS = new AtomicLong();

  /** connection-level callbacks. */
  public interface Events {
    /** the peer's open arrived: a server opens in reply, a client is now connected. */
    void onOpened(AmqpConnection connection);

    /**
     * the peer attached a link this side has not opened (server role): open it or refuse it.
     *
     * @param connection the connection.
     * @param link the link, locally uninitialised.
     */
    default void onRemoteLinkOpen(AmqpConnection connection, Link link) {
      link.setCondition(AmqpErrors.notFound("this endpoint opens no links on request"));
      link.open();
      link.close();
    }

    /**
     * the connection ended.
     *
     * @param connection the connection.
     * @param error why, or null for a clean close this side asked for.
     */
    void onClosed(AmqpConnection connection, @Nullable CfxEndpointException error);
  }

  /** link-level callbacks, attached to a link as its Proton context. */
  public interface LinkEvents {
    /** the peer's attach arrived for a link this side opened. */
    default void onRemoteOpen(Link link) {}

    /** credit or drain changed. */
    default void onFlow(Link link) {}

    /** a transfer arrived, or a disposition changed for a delivery of this link. */
    default void onDelivery(Delivery delivery) {}

    /** the peer detached or closed the link. */
    default void onRemoteClose(Link link, CfxEndpointException error) {}

    /** the connection is gone; the link object is dead. */
    default void onConnectionClosed(CfxEndpointException error) {}
  }

  private final String id = "c" + IDS.incrementAndGet();
  private final Channel channel;
  private final EventLoop loop;
  private final Connection connection;
  private final Transport transport;
  private final Collector collector = Proton.collector();
  private final Events events;
  private final String description;
  private final Set<Link> links = new LinkedHashSet<>();
  private @Nullable String user;
  private boolean opened;
  private boolean closed;
  /**
   * whether an event is being dispatched: the collector's current event is popped only after its
   * handler returns, so nothing may drain the collector from inside a handler.
   */
  private boolean dispatching;
  /** whether the engine failed to decode the peer's bytes: the rest are not read. */
  private boolean inputEnded;
  private final java.util.Queue<Runnable> handedOver = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicBoolean drainScheduled = new java.util.concurrent.atomic.AtomicBoolean();
  private @Nullable CfxEndpointException closeError;
  private @Nullable ScheduledFuture<?> tick;

  AmqpConnection(Channel channel, Events events, String description, int maxFrameSize, int idleTimeoutMillis) {
    this.channel = channel;
    this.loop = channel.eventLoop();
    this.events = events;
    this.description = description;
    this.connection = Proton.connection();
    this.transport = Proton.transport();
    transport.setMaxFrameSize(maxFrameSize);
    this.sessionWindowBytes = smallestSessionWindow();
    if (idleTimeoutMillis > 0) {
      transport.setIdleTimeout(idleTimeoutMillis);
    }
    transport.setEmitFlowEventOnSend(false);
    connection.collect(collector);
    transport.bind(connection);
  }

  /** this process's id of the connection, for logs and message origins. */
  public String id() {
    return id;
  }

  /** the event loop that owns this connection. */
  public EventLoop loop() {
    return loop;
  }

  /** the smallest session window, in frames. */
  static final int SESSION_WINDOW_MIN_FRAMES = 4;
  /** the largest session window. */
  static final int SESSION_WINDOW_MAX_BYTES = 16 * 1024 * 1024;
  /** the incoming window of this connection's sessions, in bytes: the smallest until {@link #sessionWindow}. */
  private int sessionWindowBytes;

  /**
   * sizes the incoming window of this connection's sessions from the flow budget: a sixteenth of
   * it, at least {@value #SESSION_WINDOW_MIN_FRAMES} frames, at most 16 MiB. Bytes a receiver
   * leaves unread because the budget is spent close the window, and the peer must stop sending on
   * the session whatever link credit it holds (AMQP 1.0, 2.5.6), so a connection holds at most
   * its window beyond the budget. Without a capacity Proton-J advertises an unbounded window.
   *
   * @param budgetBytes the endpoint's flow budget.
   */
  void sessionWindow(long budgetBytes) {
    sessionWindowBytes = (int) Math.max(smallestSessionWindow(), Math.min(SESSION_WINDOW_MAX_BYTES, budgetBytes / 16));
  }

  private int smallestSessionWindow() {
    return (int) Math.min(Integer.MAX_VALUE, SESSION_WINDOW_MIN_FRAMES * (long) transport.getMaxFrameSize());
  }

  /**
   * opens a session with the incoming window set by {@link #sessionWindow} (or the smallest).
   *
   * @param session a session this side has not opened yet.
   */
  void openSession(Session session) {
    session.setIncomingCapacity(sessionWindowBytes);
    session.open();
  }

  /** the Proton connection, for opening sessions and links. */
  public Connection proton() {
    return connection;
  }

  /** the Proton transport, for SASL set-up before the first bytes. */
  Transport transport() {
    return transport;
  }

  /** the peer and role, for messages: for example {@code broker 10.0.0.2:5672}. */
  public String description() {
    return description;
  }

  /** the peer's socket address. */
  public String remoteAddress() {
    return String.valueOf(channel.remoteAddress()).replaceFirst("^/", "");
  }

  /** the authenticated SASL user, or null (ANONYMOUS, or a client). */
  public @Nullable String user() {
    return user;
  }

  void user(@Nullable String authenticated) {
    this.user = authenticated;
  }

  /** whether the connection has ended. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * runs work on the event loop, then pumps the engine so that its effects are sent.
   *
   * @param work engine work; must not block.
   */
  public void execute(Runnable work) {
    if (loop.inEventLoop() && !dispatching) {
      runAndPump(work);
      return;
    }
    // from another thread, or from inside an event handler (a store that completed at once): run
    // after the current event, never re-entering the collector's loop; work that piles up (a
    // batch of stores completing together) runs in one task and is written with one flush
    handedOver.add(work);
    if (drainScheduled.compareAndSet(false, true)) {
      loop.execute(this::runHandedOver);
    }
  }

  private void runHandedOver() {
    drainScheduled.set(false);
    if (closed) {
      handedOver.clear();
      return;
    }
    Runnable work;
    while ((work = handedOver.poll()) != null) {
      if (!runSafely(work)) {
        return;
      }
    }
    pump();
  }

  private void runAndPump(Runnable work) {
    if (!closed && runSafely(work)) {
      pump();
    }
  }

  /** runs engine work; a failure closes the connection with amqp:internal-error. */
  private boolean runSafely(Runnable work) {
    try {
      work.run();
      return true;
    } catch (RuntimeException e) {
      LOG.error("{} {}: internal error", id, description, e);
      closeWith(AmqpErrors.internal(e.toString()));
      return false;
    }
  }

  /** registers a link this side created, so that it hears of the connection's end. */
  public void track(Link link, LinkEvents handler) {
    link.setContext(handler);
    links.add(link);
  }

  /** feeds bytes from the socket to the engine. */
  void onInput(ByteBuf in) {
    try {
      while (in.isReadable() && !closed) {
        int capacity = inputEnded ? 0 : transport.capacity();
        if (capacity <= 0) {
          in.skipBytes(in.readableBytes());
          break;
        }
        ByteBuffer tail = transport.tail();
        int n = Math.min(capacity, in.readableBytes());
        ByteBuffer chunk = in.nioBuffer(in.readerIndex(), n);
        tail.put(chunk);
        in.skipBytes(n);
        try {
          transport.process();
        } catch (TransportException e) {
          throw e;
        } catch (RuntimeException e) {
          malformedInput(e);
          return;
        }
        processEvents();
      }
    } catch (TransportException e) {
      protocolError(e);
      return;
    } catch (RuntimeException e) {
      LOG.error("{} {}: internal error while reading", id, description, e);
      closeWith(AmqpErrors.internal(e.toString()));
      return;
    } finally {
      in.release();
    }
    pump();
  }

  /**
   * the peer broke the protocol below the AMQP frames (Proton throws for a wrong protocol header,
   * for example a client skipping a SASL exchange the listener requires): bad input, not an
   * internal error. There is no AMQP connection to send a condition on, so what the engine has to
   * say (its own protocol header) is written and the socket closed at once.
   */
  private void protocolError(TransportException e) {
    LOG.warn("{} {}: protocol error, closing the connection: {}", id, description, e.getMessage());
    if (closeError == null) {
      closeError =
          new CfxEndpointException(
              CfxEndpointException.Code.DECODE_ERROR, description + ": protocol error: " + e.getMessage(), null, true, e);
    }
    try {
      flush();
    } catch (RuntimeException ignored) {
      // the engine is broken; closing the socket is all that is left
    }
    closeSocketAfterWrites();
  }

  /**
   * the engine could not decode what the peer sent. Proton-J turns a DecodeException into a
   * transport error (amqp:decode-error, seen here as TRANSPORT_ERROR), but other malformed
   * encodings escape its frame parser as whatever the reading ran into: an IllegalArgumentException
   * for a string longer than its frame, an IndexOutOfBoundsException, a ClassCastException for a
   * field of the wrong type. Those are the peer's bad input as much as a DecodeException, not a
   * failure of this endpoint: the connection is closed with amqp:decode-error naming the problem,
   * and the rest of the peer's bytes are not read (the parser is in no state to go on). Our SASL
   * callbacks also run inside {@code transport.process()}; they only read lengths they check.
   */
  private void malformedInput(RuntimeException e) {
    String what = "malformed frame: " + e;
    for (StackTraceElement f : e.getStackTrace()) {
      if (!f.getClassName().startsWith("java.")) {
        what += " at " + f; // the engine's reader that ran into it, not the JDK buffer's check
        break;
      }
    }
    LOG.warn("{} {}: {}; closing the connection", id, description, what);
    LOG.debug("{} {}: the engine's exception", id, description, e);
    inputEnded = true;
    if (closeError == null) {
      closeError = new CfxEndpointException(CfxEndpointException.Code.DECODE_ERROR, description + ": " + what, null, true, e);
    }
    closeWith(AmqpErrors.decodeError(what));
  }

  /**
   * the peer broke the protocol in a way the engine reports but does not act on: the connection is
   * closed with the condition (there is no session or link left to end alone).
   */
  private void peerViolation(ErrorCondition condition) {
    LOG.warn("{} {}: protocol violation, closing the connection: {}", id, description, condition.getDescription());
    if (closeError == null) {
      closeError =
          new CfxEndpointException(
              CfxEndpointException.Code.DECODE_ERROR, description + ": " + condition.getDescription(), null, true, null);
    }
    closeWith(condition);
  }

  /** processes pending engine events and writes pending output. */
  public void pump() {
    if (closed) {
      return;
    }
    try {
      processEvents();
    } catch (RuntimeException e) {
      LOG.error("{} {}: internal error in a handler", id, description, e);
      connection.setCondition(AmqpErrors.internal(e.toString()));
      connection.close();
    }
    flush();
    scheduleTick();
  }

  private void processEvents() {
    if (dispatching) {
      return; // an outer call is draining the collector; it will see the new events too
    }
    dispatching = true;
    try {
      Event e;
      while ((e = collector.peek()) != null) {
        try {
          dispatch(e);
        } finally {
          collector.pop();
        }
      }
    } finally {
      dispatching = false;
    }
  }

  private void dispatch(Event e) {
    switch (e.getType()) {
      case CONNECTION_REMOTE_OPEN:
        if (!opened) {
          opened = true;
          events.onOpened(this);
        }
        break;
      case CONNECTION_REMOTE_CLOSE:
        {
          ErrorCondition c = connection.getRemoteCondition();
          if (connection.getLocalState() != EndpointState.CLOSED) {
            connection.close();
          }
          if (closeError == null) {
            closeError = AmqpErrors.fromCondition(c == null || c.getCondition() == null ? null : c, true, "connection to " + description);
          }
          break;
        }
      case SESSION_REMOTE_OPEN:
        if (e.getSession().getLocalState() == EndpointState.UNINITIALIZED) {
          openSession(e.getSession());
        }
        break;
      case SESSION_REMOTE_CLOSE:
        {
          Session s = e.getSession();
          endLinksOf(s);
          if (s.getLocalState() != EndpointState.CLOSED) {
            s.close();
          }
          break;
        }
      case LINK_REMOTE_OPEN:
        {
          Link link = e.getLink();
          if (link == null) {
            // Proton-J (0.34, TransportImpl#handleAttach) posts this event without a link for an
            // attach on a handle that is already in use, and otherwise ignores the attach
            peerViolation(AmqpErrors.handleInUse("an attach on a handle already in use (AMQP 1.0, 2.7.3 attach)"));
            break;
          }
          if (link.getLocalState() == EndpointState.UNINITIALIZED) {
            events.onRemoteLinkOpen(this, link);
            if (link.getContext() instanceof LinkEvents) {
              links.add(link);
            }
          } else if (link.getContext() instanceof LinkEvents h) {
            h.onRemoteOpen(link);
          }
          break;
        }
      case LINK_REMOTE_DETACH:
      case LINK_REMOTE_CLOSE:
        {
          Link link = e.getLink();
          links.remove(link);
          if (link.getContext() instanceof LinkEvents h) {
            h.onRemoteClose(link, AmqpErrors.fromCondition(link.getRemoteCondition(), false, "link " + link.getName() + " on " + description));
          }
          if (link.getLocalState() != EndpointState.CLOSED) {
            if (e.getType() == Event.Type.LINK_REMOTE_DETACH) {
              link.detach();
            } else {
              link.close();
            }
          }
          link.free();
          break;
        }
      case LINK_FLOW:
        if (e.getLink().getContext() instanceof LinkEvents h) {
          h.onFlow(e.getLink());
        }
        break;
      case DELIVERY:
        {
          Delivery d = e.getDelivery();
          if (d.getLink().getContext() instanceof LinkEvents h) {
            h.onDelivery(d);
          }
          break;
        }
      case TRANSPORT_ERROR:
        {
          ErrorCondition c = transport.getCondition();
          if (closeError == null) {
            closeError = AmqpErrors.fromCondition(c, true, "connection to " + description);
          }
          break;
        }
      default:
        break;
    }
  }

  /**
   * a peer that ends a session detaches its links with it (AMQP 1.0, 2.7.7 end), without a detach
   * frame per link (Qpid JMS closes a session that way): each link's handler hears of it as a
   * remote close, and the links are closed and freed so that they no longer count as open.
   */
  private void endLinksOf(Session s) {
    List<Link> ended = new ArrayList<>();
    for (Link l = connection.linkHead(null, null); l != null; l = l.next(null, null)) {
      if (l.getSession() == s && l.getLocalState() == EndpointState.ACTIVE) {
        ended.add(l);
      }
    }
    for (Link link : ended) {
      links.remove(link);
      if (link.getContext() instanceof LinkEvents h) {
        h.onRemoteClose(link, AmqpErrors.fromCondition(s.getRemoteCondition(), false, "link " + link.getName() + " (its session ended) on " + description));
      }
      link.close();
      link.free();
    }
  }

  /**
   * writes what the engine has to send. Proton-J's output can itself fail on state that a peer's
   * frames left inconsistent (found by FuzzListenerTest: a mutated End made
   * TransportSession.unsetLocalChannel decrement a session's references below zero, an
   * IllegalStateException out of transport.pop): the engine of that connection is then beyond use,
   * so the socket is closed with the error logged, and nothing escapes to Netty.
   */
  private void flush() {
    if (outputFailed) {
      return;
    }
    try {
      writeOutput();
    } catch (RuntimeException e) {
      outputFailed = true;
      // the peer's doing, as malformed input is: a warning, not an error of this endpoint
      LOG.warn("{} {}: the engine failed writing after the peer's frames, closing the socket: {}", id, description, e.toString());
      if (closeError == null) {
        // the state came from the peer's frames, as with malformedInput: its input, not ours
        closeError =
            new CfxEndpointException(CfxEndpointException.Code.DECODE_ERROR, description + ": the engine failed writing after the peer's frames: " + e, null, true, e);
      }
      channel.close();
    }
  }

  /** whether writing the engine's output failed: the connection's engine is not used again. */
  private boolean outputFailed;

  private void writeOutput() {
    boolean wrote = false;
    while (true) {
      int pending = transport.pending();
      if (pending < 0) {
        // the engine will write nothing more: the close frame (if any) is out
        closeSocketAfterWrites();
        return;
      }
      if (pending == 0) {
        break;
      }
      // head() fills the output buffer again and may hold more than pending() reported: write and
      // pop exactly what it holds, or the surplus would be written twice (duplicate frames)
      ByteBuffer head = transport.head();
      int n = head.remaining();
      ByteBuf out = channel.alloc().ioBuffer(n);
      out.writeBytes(head);
      transport.pop(n);
      channel.write(out);
      wrote = true;
    }
    if (wrote) {
      channel.flush();
    }
    if (connection.getLocalState() == EndpointState.CLOSED && connection.getRemoteState() == EndpointState.CLOSED) {
      closeSocketAfterWrites();
    }
  }

  private void closeSocketAfterWrites() {
    channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
  }

  private void scheduleTick() {
    if (closed) {
      return;
    }
    long now = System.nanoTime() / 1_000_000;
    long deadline = transport.tick(now);
    if (tick != null) {
      tick.cancel(false);
      tick = null;
    }
    if (deadline != 0) {
      tick = loop.schedule(this::pump, Math.max(1, deadline - now), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * closes the connection with an error condition sent to the peer; the socket closes once it is
   * written (or after a grace period if the peer does not answer).
   *
   * @param condition the condition, or null for a clean close.
   */
  public void closeWith(@Nullable ErrorCondition condition) {
    if (closed) {
      return;
    }
    if (connection.getLocalState() != EndpointState.CLOSED) {
      if (condition != null) {
        connection.setCondition(condition);
      }
      if (connection.getLocalState() == EndpointState.UNINITIALIZED) {
        connection.open();
      }
      connection.close();
    }
    flush();
    loop.schedule(() -> channel.close(), 2, TimeUnit.SECONDS);
  }

  /** the socket closed: the connection is over. Called once by the channel handler. */
  void onChannelClosed(@Nullable Throwable cause) {
    if (closed) {
      return;
    }
    closed = true;
    if (tick != null) {
      tick.cancel(false);
    }
    CfxEndpointException error = closeError;
    if (cause != null && (error == null || error.code() == CfxEndpointException.Code.CONNECTION_LOST)) {
      error = AmqpErrors.fromTransport(cause, description, opened);
    }
    boolean cleanLocalClose = error == null && connection.getLocalState() == EndpointState.CLOSED;
    if (error == null && !cleanLocalClose) {
      error = new CfxEndpointException(CfxEndpointException.Code.CONNECTION_LOST, description + ": the connection closed");
    }
    CfxEndpointException forLinks =
        error != null ? error : new CfxEndpointException(CfxEndpointException.Code.CLOSED, description + " was closed");
    List<Link> ended = new ArrayList<>(links);
    links.clear();
    for (Link l : ended) {
      if (l.getContext() instanceof LinkEvents h) {
        try {
          h.onConnectionClosed(forLinks);
        } catch (RuntimeException e) {
          LOG.warn("{} {}: link handler failed on close", id, description, e);
        }
      }
    }
    try {
      events.onClosed(this, error);
    } catch (RuntimeException e) {
      LOG.warn("{} {}: connection handler failed on close", id, description, e);
    }
  }

  /** SASL failed on the client side: the connection ends with an authentication error. */
  void saslFailed(ErrorCondition condition) {
    if (closeError == null) {
      closeError =
          new CfxEndpointException(
              CfxEndpointException.Code.AUTHENTICATION_FAILED,
              description + ": " + condition.getDescription(),
              String.valueOf(condition.getCondition()),
              true,
              null);
    }
    closeSocketAfterWrites();
  }

  /**
   * SASL refused the peer (server side): the socket closes once the outcome is written. Called
   * from a SASL callback, inside the engine's input processing, so the close waits for the next
   * turn of the event loop, after this input's output has been flushed.
   */
  void saslRefused() {
    if (closeError == null) {
      closeError =
          new CfxEndpointException(
              CfxEndpointException.Code.AUTHENTICATION_FAILED, description + ": SASL authentication refused", null, true, null);
    }
    loop.execute(
        () -> {
          if (!closed) {
            flush();
            closeSocketAfterWrites();
          }
        });
  }

  /** the error a failed transport reported, for the channel handler. */
  void transportFailed(Throwable cause) {
    if (closeError == null) {
      closeError = AmqpErrors.fromTransport(cause, description, opened);
    }
    channel.close();
  }
}
