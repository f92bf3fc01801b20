package io.cfxtrace.query.interlock;

import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.RequestChannel;
import io.cfxtrace.endpoint.RequestChannelConfig;
import io.cfxtrace.endpoint.RequestHandler;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.informationsystem.operatorvalidation.ValidateOperatorRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest;
import io.cfxtrace.query.config.InterlockConfiguration;
import io.cfxtrace.query.store.EventStoreReader;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the service's CFX handle for the interlocks: a listener (cfx-endpoint) at which machines send
 * ValidateUnitsRequest, ValidateStationSetupRequest and ValidateOperatorRequest the way the SDK
 * sends requests (a connection to the request URI, a link to the handle), answered by {@link
 * Interlocks} on threads of its own (the answers read the store). AreYouThere, WhoIsThere and
 * GetEndpointInformation get the standard answers. With {@code cfx.query.interlocks.broker.*} the
 * same requests are also taken from a broker address ({@link InterlockBrokerChannel}). It takes no
 * published events: machines publish to the ingest service.
 *
 * <p>Why here and not in the ingest service: the answers read the store the way the query service
 * reads it (a unit's keys and route, holds, material facts), the holds are written through this
 * service's API, and the reads stay off the ingest's writer pool, so a burst of requests never
 * slows the store's writes and a busy writer never slows an answer.
 */
@Context
public class InterlockService implements RequestHandler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InterlockService.class);

  private final Interlocks interlocks;
  private final ExecutorService executor;
  private final @Nullable CfxEndpoint endpoint;
  private final @Nullable Listener listener;

  /**
   * reads the rules and, when enabled, starts the listener.
   *
   * @param config the settings.
   * @param holds the holds.
   * @param store the store.
   * @throws CfxEndpointException when the port cannot be bound.
   */
  public InterlockService(InterlockConfiguration config, Holds holds, EventStoreReader store) throws CfxEndpointException {
    InterlockRules rules = config.rules() == null || config.rules().isBlank() ? InterlockRules.NONE : InterlockRules.read(Path.of(config.rules()));
    this.interlocks = new Interlocks(rules, new Interlocks.StoreUnits(store), holds, new Interlocks.StoreReels(store),
        config.failClosed() ? Interlocks.StoreUnreachable.FAIL_CLOSED : Interlocks.StoreUnreachable.FAIL_OPEN, Clock.systemUTC());
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "cfx-interlock-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    if (config.enabled()) {
      EndpointIdentity identity = new EndpointIdentity(config.handle(), null, "cfx-trace", "cfx-trace interlocks", config.handle(),
          EndpointIdentity.of(config.handle(), null).softwareVersion(),
          List.of("CFX", "CFX.InformationSystem.UnitValidation", "CFX.InformationSystem.OperatorValidation", "CFX.Materials.Storage"));
      this.endpoint = CfxEndpoint.start(identity, CfxEndpoint.Options.defaults().withRequestHandler(this));
      // requests only: the one address it would take events at is one no machine uses
      ListenerConfig listen = ListenerConfig.anonymous("interlocks", config.host(), config.port())
          .withAddresses(Set.of(config.handle() + "/no-events-here-publish-to-the-ingest-service")).withLimits(requestLimits());
      this.listener = endpoint.listen(listen, m -> CompletableFuture.failedFuture(new IllegalStateException("the interlock listener takes requests only")));
      LOG.info("interlocks: {} answers ValidateUnits, ValidateStationSetup and ValidateOperator at amqp://{}:{} (rules {}, store unreachable: {})",
          config.handle(), config.host(), listener.port(), rules.version(), config.storeUnreachable());
    } else {
      this.endpoint = null;
      this.listener = null;
    }
  }

  /**
   * the listener's limits: the defaults but 16 KiB frames. A machine opens a connection per
   * request (the SDK's requester does), and Proton-J allocates four buffers of the largest frame
   * for every connection (frame parser, output, SASL in and out): at the default 256 KiB that is a
   * megabyte zeroed per request, a quarter of the listener threads' CPU time in a profile (JFR) of
   * a machine asking again and again. A validation request is a few hundred bytes to a few KiB (a
   * panel's units); a larger one comes in several frames, which AMQP 1.0 allows any message
   * (transfer frames with {@code more}), and the SDK sends frames no larger than the
   * max-frame-size of our open.
   */
  static ListenerConfig.Limits requestLimits() {
    ListenerConfig.Limits d = ListenerConfig.Limits.defaults();
    return new ListenerConfig.Limits(d.maxConnections(), d.maxLinksPerConnection(), 16 * 1024, d.maxMessageSize(), d.maxInflatedSize(), d.idleTimeout(),
        d.credit());
  }

  /**
   * the interlocks themselves, for tests and the benchmark.
   *
   * @return the interlocks.
   */
  public Interlocks interlocks() {
    return interlocks;
  }

  /**
   * the listener's port.
   *
   * @return the port, or -1 when the listener is off.
   */
  public int port() {
    return listener == null ? -1 : listener.port();
  }

  /**
   * also takes this handle's requests from a broker address ({@link InterlockBrokerChannel}), with
   * the same answers as the listener gives.
   *
   * @param config the broker and its request address.
   * @return the running channel; closed with the service at the latest.
   * @throws IllegalStateException when the interlocks are off.
   */
  public RequestChannel serveRequests(RequestChannelConfig config) {
    if (endpoint == null) {
      throw new IllegalStateException("the interlocks are off (cfx.query.interlocks.enabled=false): no requests are served");
    }
    return endpoint.serveRequests(config);
  }

  @Override
  public Optional<CfxMessage> respond(CfxEnvelope request) {
    // never called by the endpoint (respondAsync is); the standard answers for anything else
    return Optional.empty();
  }

  @Override
  public CompletionStage<Optional<CfxMessage>> respondAsync(CfxEnvelope request) {
    CfxMessage body = request.messageBody();
    String station = request.source() == null ? "" : request.source();
    if (body instanceof ValidateUnitsRequest u) {
      return CompletableFuture.supplyAsync(() -> Optional.of(interlocks.validateUnits(station, u)), executor);
    }
    if (body instanceof ValidateStationSetupRequest s) {
      return CompletableFuture.supplyAsync(() -> Optional.of(interlocks.validateSetup(station, s)), executor);
    }
    if (body instanceof ValidateOperatorRequest o) {
      return CompletableFuture.supplyAsync(() -> Optional.of(interlocks.validateOperator(station, o)), executor);
    }
    return CompletableFuture.completedFuture(Optional.empty());
  }

  /** stops the listener and the threads. */
  @PreDestroy
  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
    executor.shutdownNow();
  }
}
