package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.TlsConfig;
import io.netty.channel.ChannelFuture;
import io.netty.handler.ssl.SslContext;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keeps one client connection to a broker or peer up: connects, authenticates as the SDK does
 * (PLAIN with user info, ANONYMOUS without), opens with this endpoint's handle as container id and
 * the virtual host as hostname, and after a loss reconnects with exponential back-off and jitter
 * until stopped. The channel counts as connected (and the back-off is reset) only when its owner
 * reports its link attached ({@link #attached()}), not on the peer's open.
 *
 * <p>Callbacks run on the connection's event loop.
 */
final class ClientConnector {

  private static final Logger LOG = LoggerFactory.getLogger(ClientConnector.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Clock CLOCK = Clock.systemUTC();

  /** what the owner does when the connection comes and goes. */
  interface Callbacks {
    /** connected and opened: attach links now. */
    void onConnected(AmqpConnection connection);

    /** the connection is gone (links are dead); a reconnect follows unless stopped. */
    default void onDisconnected(CfxEndpointException error) {}

    /** a connector without reconnect policy failed to connect, or lost its connection. */
    default void onGaveUp(CfxEndpointException error) {}
  }

  private final NettyIo io;
  private final AmqpUri uri;
  private final @Nullable String virtualHost;
  private final String containerId;
  private final @Nullable ReconnectPolicy reconnect;
  private final Callbacks callbacks;
  private final String description;
  private final int maxFrameSize;
  private final @Nullable SslContext ssl;
  private volatile ChannelStatus status = new ChannelStatus(ChannelStatus.State.CONNECTING, CLOCK.instant(), 0, null);
  private volatile @Nullable AmqpConnection current;
  private volatile boolean stopped;
  private @Nullable ScheduledFuture<?> retry;
  private int failures;
  private volatile @Nullable String recycleReason;

  ClientConnector(
      NettyIo io,
      AmqpUri uri,
      @Nullable String virtualHost,
      @Nullable TlsConfig tls,
      String containerId,
      @Nullable ReconnectPolicy reconnect,
      int maxFrameSize,
      String description,
      Callbacks callbacks) {
    this.io = io;
    this.uri = uri;
    this.virtualHost = virtualHost;
    this.containerId = containerId;
    this.reconnect = reconnect;
    this.maxFrameSize = maxFrameSize;
    this.description = description;
    this.callbacks = callbacks;
    this.ssl = uri.tls() ? NettyIo.clientTls(tls) : null;
  }

  /** starts connecting. */
  void start() {
    attempt();
  }

  ChannelStatus status() {
    return status;
  }

  /** the connection while it is up, else null. */
  @Nullable AmqpConnection current() {
    AmqpConnection c = current;
    return c != null && !c.isClosed() ? c : null;
  }

  private void attempt() {
    if (stopped) {
      return;
    }
    status = new ChannelStatus(ChannelStatus.State.CONNECTING, CLOCK.instant(), failures, status.lastError());
    ChannelFuture f =
        io.connect(
            uri.host(),
            uri.port(),
            ssl,
            CONNECT_TIMEOUT,
            ch -> {
              AmqpConnection c = new AmqpConnection(ch, new Events(), description, maxFrameSize, 0);
              SaslClient.install(c, uri.user(), uri.password());
              c.proton().setContainer(containerId);
              c.proton().setHostname(virtualHost != null ? virtualHost : uri.host());
              c.proton().open();
              current = c;
              return c;
            });
    f.addListener(
        done -> {
          if (!done.isSuccess()) {
            failed(AmqpErrors.fromTransport(done.cause(), description, false));
          }
        });
  }

  private final class Events implements AmqpConnection.Events {
    @Override
    public void onOpened(AmqpConnection c) {
      if (stopped) {
        c.closeWith(null); // stop() came while this connection was being set up
        return;
      }
      // not yet a success: brokers answer a refused login or virtual host with an open followed
      // at once by a close, so the back-off restarts only once the owner's link is attached
      callbacks.onConnected(c);
    }

    @Override
    public void onClosed(AmqpConnection c, @Nullable CfxEndpointException error) {
      current = null;
      String why = recycleReason;
      recycleReason = null;
      CfxEndpointException e =
          error != null
              ? error
              : new CfxEndpointException(CfxEndpointException.Code.CLOSED, description + (why == null ? " was closed" : ": " + why));
      try {
        callbacks.onDisconnected(e);
      } finally {
        if (!stopped) {
          failed(e);
        }
      }
    }
  }

  private synchronized void failed(CfxEndpointException error) {
    if (stopped) {
      status = new ChannelStatus(ChannelStatus.State.CLOSED, CLOCK.instant(), failures, error.getMessage());
      return;
    }
    failures++;
    if (reconnect == null) {
      status = new ChannelStatus(ChannelStatus.State.CLOSED, CLOCK.instant(), failures, error.getMessage());
      callbacks.onGaveUp(error);
      return;
    }
    Duration delay = reconnect.delay(failures - 1);
    status = new ChannelStatus(ChannelStatus.State.RECONNECTING, CLOCK.instant(), failures, error.getMessage());
    if (failures == 1 || failures % 10 == 0) {
      LOG.warn("{}; reconnecting in {} ms (attempt {})", error.getMessage(), delay.toMillis(), failures); // the message names the channel
    }
    retry = io.group().schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * the owner's link is attached, so the channel works: the state becomes CONNECTED and the
   * back-off starts over. Called on the connection's event loop.
   */
  synchronized void attached() {
    if (stopped) {
      return;
    }
    if (failures > 0) {
      LOG.info("{}: connected again after {} failed attempts", description, failures);
    }
    failures = 0;
    status = new ChannelStatus(ChannelStatus.State.CONNECTED, CLOCK.instant(), 0, null);
  }

  /** closes the connection cleanly and stops reconnecting. */
  synchronized void stop() {
    stopped = true;
    if (retry != null) {
      retry.cancel(false);
    }
    AmqpConnection c = current;
    if (c != null) {
      c.execute(() -> c.closeWith(null));
    }
    status = new ChannelStatus(ChannelStatus.State.CLOSED, CLOCK.instant(), failures, status.lastError());
  }

  /** drops the current connection so that the connector reconnects after a back-off. */
  void recycle(String why) {
    AmqpConnection c = current;
    if (c != null) {
      // kept for the status: a health check must tell a missing queue from a normal close
      recycleReason = why;
      LOG.warn("{}: {}; reconnecting", description, why);
      c.execute(() -> c.closeWith(null));
    }
  }
}
