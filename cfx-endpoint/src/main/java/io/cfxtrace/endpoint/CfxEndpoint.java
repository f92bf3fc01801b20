package io.cfxtrace.endpoint;

import io.cfxtrace.endpoint.internal.BrokerRequestChannel;
import io.cfxtrace.endpoint.internal.FlowBudget;
import io.cfxtrace.endpoint.internal.ListenerServer;
import io.cfxtrace.endpoint.internal.NettyIo;
import io.cfxtrace.endpoint.internal.PublisherClient;
import io.cfxtrace.endpoint.internal.Requester;
import io.cfxtrace.endpoint.internal.SubscriptionClient;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * a CFX endpoint on AMQP 1.0: it listens for machines (peer-to-peer), subscribes to brokers,
 * publishes, and sends and answers requests (on its listener, and from a broker address). Its API speaks only cfx-model types.
 *
 * <p>Every received message goes to an {@link EnvelopeSink} and is settled only when stored
 * (at-least-once). Requests to this endpoint's handle get the answers every CFX endpoint must give
 * (see {@link RequestHandler}). Thread-safe; {@link #close()} stops everything.
 */
public final class CfxEndpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CfxEndpoint.class);

  private final EndpointIdentity identity;
  private final Options options;
  private final NettyIo io;
  private final FlowBudget budget;
  private final Requester requester;
  private final List<AutoCloseable> channels = new CopyOnWriteArrayList<>();

  /**
   * endpoint-wide settings.
   *
   * @param ioThreads network threads; each connection is served by one of them.
   * @param flowBudgetBytes received bytes not yet stored, across all links, above which no AMQP
   *     credit is granted (back-pressure).
   * @param requestHandler application answers to requests, before the standard ones.
   */
  public record Options(int ioThreads, long flowBudgetBytes, RequestHandler requestHandler) {

    /** checks the settings. */
    public Options {
      if (ioThreads < 1) {
        throw new IllegalArgumentException("ioThreads must be >= 1, was " + ioThreads);
      }
      if (flowBudgetBytes < 1024 * 1024) {
        throw new IllegalArgumentException("flowBudgetBytes must be >= 1 MiB, was " + flowBudgetBytes);
      }
      Objects.requireNonNull(requestHandler, "requestHandler");
    }

    /**
     * two network threads, a 256 MiB flow budget, standard request answers.
     *
     * @return the defaults.
     */
    public static Options defaults() {
      return new Options(2, 256L * 1024 * 1024, RequestHandler.STANDARD);
    }

    /**
     * a copy with a request handler.
     *
     * @param handler the handler.
     * @return the copy.
     */
    public Options withRequestHandler(RequestHandler handler) {
      return new Options(ioThreads, flowBudgetBytes, handler);
    }

    /**
     * a copy with another flow budget.
     *
     * @param bytes the budget.
     * @return the copy.
     */
    public Options withFlowBudget(long bytes) {
      return new Options(ioThreads, bytes, requestHandler);
    }
  }

  private CfxEndpoint(EndpointIdentity identity, Options options) {
    this.identity = identity;
    this.options = options;
    this.io = new NettyIo(options.ioThreads());
    this.budget = new FlowBudget(options.flowBudgetBytes());
    this.requester = new Requester(io);
  }

  /**
   * starts an endpoint (its network threads); nothing listens or connects yet.
   *
   * @param identity who this endpoint is.
   * @param options endpoint-wide settings.
   * @return the endpoint.
   */
  public static CfxEndpoint start(EndpointIdentity identity, Options options) {
    return new CfxEndpoint(Objects.requireNonNull(identity, "identity"), Objects.requireNonNull(options, "options"));
  }

  /**
   * this endpoint's identity.
   *
   * @return the identity.
   */
  public EndpointIdentity identity() {
    return identity;
  }

  /**
   * starts a peer-to-peer listener.
   *
   * @param config its settings.
   * @param sink where received messages go.
   * @return the running listener.
   * @throws CfxEndpointException {@code BIND_FAILED} when the port cannot be bound.
   */
  public Listener listen(ListenerConfig config, EnvelopeSink sink) throws CfxEndpointException {
    ListenerServer server = new ListenerServer(io, config, identity, options.requestHandler(), sink, budget);
    server.start();
    channels.add(server);
    return new Listener() {
      @Override
      public int port() {
        return server.port();
      }

      @Override
      public int connectionCount() {
        return server.connectionCount();
      }

      @Override
      public void close() {
        channels.remove(server);
        server.close();
      }
    };
  }

  /**
   * subscribes to a broker address; connects in the background and reconnects until closed.
   *
   * @param config its settings.
   * @param sink where received messages go.
   * @return the running subscription.
   */
  public Subscription subscribe(SubscriptionConfig config, EnvelopeSink sink) {
    SubscriptionClient client = new SubscriptionClient(io, identity, config, sink, budget);
    client.start();
    channels.add(client);
    return client;
  }

  /**
   * takes the requests addressed to this endpoint from a broker address (a CFX.EndpointConnected's
   * RequestTargetAddress) and answers them through the broker, with the same answers as the
   * listener gives ({@link Options#requestHandler()}, then the standard ones); connects in the
   * background and reconnects until closed. A request is settled Accepted only once the broker
   * has taken its response.
   *
   * @param config its settings.
   * @return the running channel.
   */
  public RequestChannel serveRequests(RequestChannelConfig config) {
    BrokerRequestChannel channel = new BrokerRequestChannel(io, identity, Objects.requireNonNull(config, "config"), options.requestHandler());
    channel.start();
    channels.add(channel);
    return channel;
  }

  /**
   * opens a publish channel with its spool; connects in the background.
   *
   * @param config its settings.
   * @return the publisher.
   * @throws IOException if the spool cannot be opened.
   */
  public Publisher publisher(PublisherConfig config) throws IOException {
    PublisherClient client = new PublisherClient(io, identity, config);
    client.start();
    channels.add(client);
    return client;
  }

  /**
   * sends a request to a peer endpoint and waits for its response.
   *
   * @param peer the peer's request URI.
   * @param tls TLS for amqps, or null.
   * @param targetHandle the peer's CFX handle.
   * @param body the request message.
   * @param timeout how long to wait, connecting included.
   * @return the response envelope; fails with a {@link CfxEndpointException} ({@code
   *     CONNECTION_REFUSED}, {@code TIMEOUT}, {@code NOT_FOUND}, ...).
   */
  public CompletionStage<CfxEnvelope> request(
      AmqpUri peer, @Nullable TlsConfig tls, String targetHandle, CfxMessage body, Duration timeout) {
    return requester.request(peer, tls, identity.cfxHandle(), CfxEnvelope.request(identity.cfxHandle(), targetHandle, body), timeout);
  }

  /**
   * bytes received and not yet stored, for metrics.
   *
   * @return the bytes.
   */
  public long bytesInFlight() {
    return budget.inFlight();
  }

  /** closes every listener, subscription, request channel and publisher, then the network threads. */
  @Override
  public void close() {
    for (AutoCloseable c : channels) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", c, e.toString());
      }
    }
    channels.clear();
    io.close();
  }
}
