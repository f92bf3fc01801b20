package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.TlsConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * the sockets under the AMQP engines: one Netty event-loop group for all listeners and client
 * connections of an endpoint. Each channel is served by one event-loop thread for its whole life,
 * and its {@link AmqpConnection} is confined to that thread.
 *
 * <p>Why Netty under Proton-J rather than Proton-J's reactor or vertx-proton: the reactor is in
 * maintenance mode and runs all connections on one thread with its own TLS layer; vertx-proton
 * brings a second Netty-based runtime whose Netty line does not match the Micronaut services'.
 * Netty is what Qpid JMS drives Proton-J with, and gives TLS, back-pressure and threads we can
 * reason about.
 */
public final class NettyIo implements AutoCloseable {

  private final EventLoopGroup group;

  /**
   * starts the event loops.
   *
   * @param threads the number of event-loop threads.
   */
  public NettyIo(int threads) {
    this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("cfx-amqp", true), NioIoHandler.newFactory());
  }

  /** the group, for scheduling reconnects and timers. */
  public EventLoopGroup group() {
    return group;
  }

  /**
   * binds a listening socket.
   *
   * @param host interface to bind.
   * @param port port, 0 for any.
   * @param ssl server TLS, or null.
   * @param connections makes the engine of each accepted channel.
   * @return the bind future; its channel is the server socket.
   */
  public ChannelFuture bind(String host, int port, @Nullable SslContext ssl, Function<Channel, AmqpConnection> connections) {
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(initializer(ssl, null, 0, connections))
        .bind(host, port);
  }

  /**
   * opens a client connection.
   *
   * @param host the peer host.
   * @param port the peer port.
   * @param ssl client TLS, or null.
   * @param connectTimeout the connect timeout.
   * @param connections makes the engine once the socket is up.
   * @return the connect future.
   */
  public ChannelFuture connect(String host, int port, @Nullable SslContext ssl, Duration connectTimeout, Function<Channel, AmqpConnection> connections) {
    return new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
        .handler(initializer(ssl, host, port, connections))
        .connect(host, port);
  }

  private static ChannelInitializer<SocketChannel> initializer(
      @Nullable SslContext ssl, @Nullable String peerHost, int peerPort, Function<Channel, AmqpConnection> connections) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        if (ssl != null) {
          if (peerHost == null) {
            ch.pipeline().addLast("plain-amqp-on-tls", new PlainAmqpOnTls());
          }
          ch.pipeline().addLast("tls", peerHost == null ? ssl.newHandler(ch.alloc()) : ssl.newHandler(ch.alloc(), peerHost, peerPort));
        }
        ch.pipeline().addLast("amqp", new Handler(connections));
      }
    };
  }

  /**
   * on a TLS listener, tells a peer that speaks plain AMQP (a machine configured with {@code amqp://}
   * instead of {@code amqps://}) from a TLS client by its first bytes, the AMQP protocol header,
   * and fails it at once with a message saying so. Without this, TLS takes the header for the
   * start of a record and waits for the rest until its handshake timeout. Removes itself after the
   * first bytes; whatever arrived is passed on to TLS.
   */
  private static final class PlainAmqpOnTls extends ByteToMessageDecoder {
    private static final byte[] AMQP = {'A', 'M', 'Q', 'P'};

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      int n = Math.min(in.readableBytes(), AMQP.length);
      for (int i = 0; i < n; i++) {
        if (in.getByte(in.readerIndex() + i) != AMQP[i]) {
          ctx.pipeline().remove(this);
          return;
        }
      }
      if (n == AMQP.length) {
        in.skipBytes(in.readableBytes());
        ctx.fireExceptionCaught(new SSLException("the peer sent a plain AMQP protocol header to a TLS (amqps) listener: is it configured with amqp:// instead of amqps://?"));
      }
    }
  }

  /** feeds a channel's bytes to its engine, on the channel's event loop. */
  private static final class Handler extends ChannelInboundHandlerAdapter {
    private final Function<Channel, AmqpConnection> factory;
    private @Nullable AmqpConnection connection;

    Handler(Function<Channel, AmqpConnection> factory) {
      this.factory = factory;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      connection = factory.apply(ctx.channel());
      connection.pump();
      ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (connection != null) {
        connection.onInput((ByteBuf) msg);
      } else {
        ((ByteBuf) msg).release();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (connection != null) {
        connection.onChannelClosed(null);
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (connection != null) {
        connection.transportFailed(cause);
      } else {
        ctx.close();
      }
    }
  }

  /**
   * a server TLS context.
   *
   * @param tls the key store (and trust store for client certificates).
   * @return the context.
   * @throws IllegalArgumentException naming the store when it cannot be loaded.
   */
  public static SslContext serverTls(TlsConfig tls) {
    if (tls.keyStore() == null) {
      throw new IllegalArgumentException("listener TLS needs a key store with the server certificate");
    }
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(load(tls.keyStore(), tls.keyStorePassword()), chars(tls.keyStorePassword()));
      SslContextBuilder b = SslContextBuilder.forServer(kmf);
      if (tls.trustStore() != null) {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(tls.trustStore(), tls.trustStorePassword()));
        b.trustManager(tmf).clientAuth(tls.requireClientCertificate() ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
      }
      return b.build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up listener TLS from " + tls.keyStore() + ": " + e.getMessage(), e);
    }
  }

  /**
   * a client TLS context.
   *
   * @param tls the trust store and optional client key store, or null for the JVM's defaults.
   * @return the context.
   * @throws IllegalArgumentException naming the store when it cannot be loaded.
   */
  public static SslContext clientTls(@Nullable TlsConfig tls) {
    try {
      SslContextBuilder b = SslContextBuilder.forClient();
      if (tls != null && tls.trustStore() != null) {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(tls.trustStore(), tls.trustStorePassword()));
        b.trustManager(tmf);
      }
      if (tls != null && tls.keyStore() != null) {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(tls.keyStore(), tls.keyStorePassword()), chars(tls.keyStorePassword()));
        b.keyManager(kmf);
      }
      return b.build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up client TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(Path path, @Nullable String password) throws IOException, GeneralSecurityException {
    String type = path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
    KeyStore ks = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(path)) {
      ks.load(in, chars(password));
    }
    return ks;
  }

  private static char @Nullable [] chars(@Nullable String password) {
    return password == null ? null : password.toCharArray();
  }

  /** stops the event loops, letting in-flight work finish for up to two seconds. */
  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
