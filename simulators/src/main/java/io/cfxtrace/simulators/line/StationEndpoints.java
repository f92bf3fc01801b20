package io.cfxtrace.simulators.line;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.spool.SpoolOptions;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * the stations as CFX endpoints: each has its own {@link CfxEndpoint} with its handle, a spooled
 * publisher to the target (a broker address or a listener such as cfx-trace's ingest service; one
 * Data section, gzip unless turned off, the SDK's AMQP properties) and a request listener that
 * answers at the station's handle as an SDK endpoint opened with a request URI does.
 *
 * <p>A station's listener takes requests only: its one accepted address is its own handle, which
 * the listener serves as the request address, so events published to it are refused with {@code
 * amqp:not-found}, as by an SDK endpoint. Thread-safe; {@link #close()} stops all.
 */
public final class StationEndpoints implements AutoCloseable {

  /**
   * how the stations reach the target and listen for requests.
   *
   * @param target the broker or listener, with the address as its path.
   * @param gzip whether bodies are gzipped (the SDK default since 1.2).
   * @param requestHost the interface the request listeners bind to, and the host in their URIs.
   * @param requestPortBase the first station's request port, the next station's one more; 0 for
   *     ports the system picks.
   * @param spoolRoot where each station's publisher keeps its spool.
   */
  public record Settings(AmqpUri target, boolean gzip, String requestHost, int requestPortBase, Path spoolRoot) {

    /** checks the parts. */
    public Settings {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(requestHost, "requestHost");
      Objects.requireNonNull(spoolRoot, "spoolRoot");
      target.requireAddress();
      if (requestPortBase < 0 || requestPortBase > 65535) {
        throw new IllegalArgumentException("request port base must be within 0..65535, was " + requestPortBase);
      }
    }
  }

  private record Node(Station station, CfxEndpoint endpoint, Listener listener, Publisher publisher, String requestUri) {}

  private final Map<String, Node> nodes;

  private StationEndpoints(Map<String, Node> nodes) {
    this.nodes = nodes;
  }

  /**
   * starts every station's endpoint, listener and publisher; publishers connect in the background.
   *
   * @param stations the stations.
   * @param settings the target and the request listeners.
   * @return the running stations.
   * @throws CfxEndpointException {@code BIND_FAILED} when a request port cannot be bound.
   * @throws IOException when a spool cannot be opened.
   */
  public static StationEndpoints open(List<Station> stations, Settings settings) throws CfxEndpointException, IOException {
    if (settings.requestPortBase() > 0 && settings.requestPortBase() + stations.size() - 1 > 65535) {
      throw new IllegalArgumentException("request ports " + settings.requestPortBase() + ".." + (settings.requestPortBase() + stations.size() - 1)
          + " go past 65535");
    }
    String version = StationEndpoints.class.getPackage().getImplementationVersion();
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<CfxEndpoint> started = new ArrayList<>();
    try {
      int i = 0;
      for (Station s : stations) {
        StationRequests requests = new StationRequests(s, version == null ? "development" : version);
        EndpointIdentity identity = new EndpointIdentity(s.handle(), null, "cfx-trace simulator", s.kind().model(), "SIM-" + s.handle(),
            version == null ? "development" : version, s.kind().topics());
        CfxEndpoint endpoint = CfxEndpoint.start(identity, new CfxEndpoint.Options(1, 16L * 1024 * 1024, requests));
        started.add(endpoint);
        int port = settings.requestPortBase() == 0 ? 0 : settings.requestPortBase() + i;
        Listener listener = endpoint.listen(
            ListenerConfig.anonymous(s.handle(), settings.requestHost(), port).withAddresses(Set.of(s.handle())),
            message -> CompletableFuture.failedFuture(new IllegalStateException(s.handle() + " takes requests only")));
        String uri = "amqp://" + settings.requestHost() + ":" + listener.port();
        requests.bound(uri);
        AmqpUri target = settings.target();
        Publisher publisher = endpoint.publisher(new PublisherConfig(s.handle(), target, target.requireAddress(), null, null, settings.gzip(),
            settings.spoolRoot().resolve(s.handle()), SpoolOptions.defaults().withFsync(SpoolOptions.Fsync.FSYNC_NONE), 64,
            Duration.ZERO, ReconnectPolicy.defaults()));
        nodes.put(s.handle(), new Node(s, endpoint, listener, publisher, uri));
        i++;
      }
    } catch (CfxEndpointException | IOException | RuntimeException e) {
      started.forEach(CfxEndpoint::close);
      throw e;
    }
    return new StationEndpoints(nodes);
  }

  /**
   * publishes an envelope from a station.
   *
   * @param station the station's handle.
   * @param envelope the envelope.
   * @return completes when the target accepted it; fails if it could not be spooled.
   */
  public CompletionStage<Void> publish(String station, CfxEnvelope envelope) {
    Node n = nodes.get(station);
    if (n == null) {
      throw new IllegalArgumentException("no station " + station);
    }
    return n.publisher().publish(envelope);
  }

  /**
   * sends a request from a station's endpoint to another endpoint's handle at its request URI, as
   * the SDK sends requests (the interlock's questions, issue #15).
   *
   * @param station the station's handle.
   * @param peer the other endpoint's request URI.
   * @param handle the other endpoint's CFX handle.
   * @param body the request.
   * @param timeout how long to wait for the answer.
   * @return the response envelope; fails when none came in time or the peer is unreachable.
   */
  public CompletionStage<CfxEnvelope> request(String station, AmqpUri peer, String handle, CfxMessage body, Duration timeout) {
    Node n = nodes.get(station);
    if (n == null) {
      throw new IllegalArgumentException("no station " + station);
    }
    return n.endpoint().request(peer, null, handle, body, timeout);
  }

  /**
   * where each station answers requests.
   *
   * @return handle to request URI, in station order.
   */
  public Map<String, String> requestUris() {
    Map<String, String> out = new LinkedHashMap<>();
    nodes.forEach((h, n) -> out.put(h, n.requestUri()));
    return out;
  }

  /**
   * envelopes spooled and not yet accepted, over all stations.
   *
   * @return the count.
   */
  public long pending() {
    return nodes.values().stream().mapToLong(n -> n.publisher().pending()).sum();
  }

  /**
   * the first publisher that is not connected, with its last error, for messages.
   *
   * @return e.g. {@code Line1.SPI.SPI01: RECONNECTING (connection refused)}, or null when all are up.
   */
  public @Nullable String firstProblem() {
    for (Node n : nodes.values()) {
      ChannelStatus st = n.publisher().status();
      if (!st.isUp()) {
        return n.station().handle() + ": " + st.state() + (st.lastError() == null ? "" : " (" + st.lastError() + ")");
      }
    }
    return null;
  }

  @Override
  public void close() {
    for (Node n : nodes.values()) {
      n.endpoint().close();
    }
  }
}
