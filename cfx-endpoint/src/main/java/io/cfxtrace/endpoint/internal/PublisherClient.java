package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.endpoint.PublisherConfig;
import io.cfxtrace.endpoint.spool.DiskSpool;
import io.cfxtrace.endpoint.spool.SpoolRecord;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.Heartbeat;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.value.CfxDuration;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.engine.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * publishes envelopes through an on-disk spool (SDK DurableQueue semantics, crash-safe): append,
 * send in spool order with up to {@code maxInFlight} unsettled, remove on Accepted.
 *
 * <p>A Rejected, Released or Modified outcome, or a lost connection, drops the connection and
 * resends from the first unaccepted envelope after the reconnect back-off, so the peer sees
 * envelopes in spool order (with possible duplicates, which receivers drop by UniqueID), and a
 * poison message does not cause a tight resend loop as in the SDK.
 *
 * <p>A CFX.Heartbeat is published when the channel is created and every {@code heartbeatInterval}
 * (CFX Heartbeat; SDK default one minute).
 */
public final class PublisherClient implements Publisher {

  private static final Logger LOG = LoggerFactory.getLogger(PublisherClient.class);

  private final PublisherConfig config;
  private final EndpointIdentity identity;
  private final CfxCodec codec = new CfxCodec();
  private final DiskSpool spool;
  private final ClientConnector connector;
  private final NettyIo io;
  private final Map<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
  private @Nullable ScheduledFuture<?> heartbeat;

  // event-loop state of the current connection
  private @Nullable Sender sender;
  private long lastSent;
  private int inFlight;

  /**
   * opens the spool; call {@link #start()} to connect.
   *
   * @param io the sockets.
   * @param identity this endpoint; its handle is the Source of heartbeats and the container id.
   * @param config the settings.
   * @throws IOException if the spool cannot be opened (locked by another process, unreadable).
   */
  public PublisherClient(NettyIo io, EndpointIdentity identity, PublisherConfig config) throws IOException {
    this.io = io;
    this.config = config;
    this.identity = identity;
    this.spool = DiskSpool.open(config.spoolDirectory(), config.spool());
    this.connector =
        new ClientConnector(
            io,
            config.uri(),
            config.virtualHost(),
            config.tls(),
            identity.cfxHandle(),
            config.reconnect(),
            256 * 1024,
            "publisher " + config.name() + " to " + config.address() + " at " + config.uri().host() + ":" + config.uri().port(),
            new ClientConnector.Callbacks() {
              @Override
              public void onConnected(AmqpConnection c) {
                attach(c);
              }

              @Override
              public void onDisconnected(CfxEndpointException error) {
                sender = null;
                inFlight = 0;
              }
            });
  }

  /** connects, and starts the heartbeat. */
  public void start() {
    connector.start();
    if (!config.heartbeatInterval().isZero()) {
      publishHeartbeat();
      long every = config.heartbeatInterval().toMillis();
      heartbeat = io.group().scheduleAtFixedRate(this::publishHeartbeat, every, every, TimeUnit.MILLISECONDS);
    }
  }

  private void publishHeartbeat() {
    Heartbeat body = new Heartbeat(identity.cfxHandle(), CfxDuration.of(config.heartbeatInterval()), null, null);
    publish(CfxEnvelope.event(identity.cfxHandle(), body))
        .exceptionally(
            e -> {
              LOG.warn("{}: heartbeat not spooled: {}", config.name(), e.getMessage());
              return null;
            });
  }

  @Override
  public CompletionStage<Void> publish(CfxEnvelope envelope) {
    byte[] message = AmqpMessages.encode(CfxAmqp.event(codec, envelope, config.gzip()));
    SpoolRecord record;
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      synchronized (spool) {
        record = spool.append(message);
        waiting.put(record.sequence(), done);
      }
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          new CfxEndpointException(
              CfxEndpointException.Code.RESOURCE_LIMIT,
              "publisher " + config.name() + ": cannot spool " + envelope.messageName() + " " + envelope.uniqueId() + ": " + e.getMessage(),
              null,
              false,
              e));
    }
    AmqpConnection c = connector.current();
    if (c != null) {
      c.execute(this::pump);
    }
    return done;
  }

  private void attach(AmqpConnection c) {
    Session session = c.proton().session();
    session.open();
    Sender s = session.sender(config.address());
    Target target = new Target();
    target.setAddress(config.address());
    s.setTarget(target);
    s.setSource(new Source());
    c.track(s, new SenderEvents(c));
    s.open();
    sender = s;
    lastSent = 0;
    inFlight = 0;
  }

  /** sends spooled envelopes while there is credit and room in flight; on the event loop. */
  private void pump() {
    Sender s = sender;
    if (s == null) {
      return;
    }
    while (s.getCredit() > 0 && inFlight < config.maxInFlight()) {
      Optional<SpoolRecord> next = spool.next(lastSent);
      if (next.isEmpty()) {
        return;
      }
      SpoolRecord r = next.get();
      Delivery d = s.delivery(ByteBuffer.allocate(8).putLong(r.sequence()).array());
      d.setContext(r.sequence());
      byte[] payload = r.payload();
      s.send(payload, 0, payload.length);
      s.advance();
      lastSent = r.sequence();
      inFlight++;
    }
  }

  private final class SenderEvents implements AmqpConnection.LinkEvents {
    private final AmqpConnection connection;

    SenderEvents(AmqpConnection connection) {
      this.connection = connection;
    }

    @Override
    public void onRemoteOpen(Link link) {
      if (link.getRemoteTarget() == null) {
        return; // refused: the detach with the reason follows
      }
      connector.attached();
      pump();
    }

    @Override
    public void onFlow(Link link) {
      pump();
    }

    @Override
    public void onDelivery(Delivery d) {
      DeliveryState state = d.getRemoteState();
      if (state == null && !d.remotelySettled()) {
        return;
      }
      long sequence = (Long) d.getContext();
      d.settle();
      inFlight--;
      if (state instanceof Accepted) {
        try {
          spool.acknowledge(sequence);
        } catch (IOException e) {
          LOG.error("{}: cannot record the acknowledgement of spool record {}; it will be resent after a restart", config.name(), sequence, e);
        }
        CompletableFuture<Void> f;
        synchronized (spool) { // publish() registers the future right after the append, under this lock
          f = waiting.remove(sequence);
        }
        if (f != null) {
          f.complete(null);
        }
        pump();
      } else {
        String why =
            state instanceof Rejected r && r.getError() != null
                ? "rejected: " + r.getError().getCondition() + " " + r.getError().getDescription()
                : "not accepted (" + (state == null ? "settled without outcome" : state.getClass().getSimpleName()) + ")";
        sender = null;
        connector.recycle("spool record " + sequence + " was " + why);
      }
    }

    @Override
    public void onRemoteClose(Link link, CfxEndpointException error) {
      sender = null;
      connector.recycle("the peer closed the publish link: " + error.getMessage());
    }
  }

  @Override
  public long pending() {
    return spool.pendingCount();
  }

  @Override
  public ChannelStatus status() {
    return connector.status();
  }

  @Override
  public void close() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    connector.stop();
    try {
      spool.close();
    } catch (IOException e) {
      LOG.warn("{}: closing the spool failed: {}", config.name(), e.getMessage());
    }
    CfxEndpointException closed = new CfxEndpointException(CfxEndpointException.Code.CLOSED, "publisher " + config.name() + " was closed; the envelope stays spooled");
    for (CompletableFuture<Void> f : List.copyOf(waiting.values())) {
      f.completeExceptionally(closed);
    }
    waiting.clear();
  }
}
