package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.EnvelopeSink;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.endpoint.SubscriptionConfig;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CodecLimits;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.messaging.TerminusDurability;
import org.apache.qpid.proton.amqp.messaging.TerminusExpiryPolicy;
import org.apache.qpid.proton.amqp.transport.ReceiverSettleMode;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Session;

/**
 * receives from a broker address, as the SDK's subscribe channel does (a receiver link named after
 * the source address, every delivery explicitly settled), with this endpoint's delivery contract:
 * Accepted only once the sink has stored the message. A lost connection, or a link the broker
 * closes (address not found, access refused), reconnects with back-off; what was not settled is
 * redelivered by the broker.
 */
public final class SubscriptionClient implements Subscription {

  private final SubscriptionConfig config;
  private final EnvelopeSink sink;
  private final FlowBudget budget;
  private final CfxCodec codec;
  private final ClientConnector connector;

  /**
   * a subscription, not yet started.
   *
   * @param io the sockets.
   * @param identity this endpoint (its handle is the container id).
   * @param config the settings.
   * @param sink where messages go.
   * @param budget the endpoint's flow budget.
   */
  public SubscriptionClient(NettyIo io, EndpointIdentity identity, SubscriptionConfig config, EnvelopeSink sink, FlowBudget budget) {
    this.config = config;
    this.sink = sink;
    this.budget = budget;
    this.codec =
        new CfxCodec(CodecLimits.defaults().withMaxPayloadBytes(config.limits().maxMessageSize()).withMaxInflatedBytes(config.limits().maxInflatedSize()));
    this.connector =
        new ClientConnector(
            io,
            config.uri(),
            config.virtualHost(),
            config.tls(),
            identity.cfxHandle(),
            config.reconnect(),
            config.limits().maxFrameSize(),
            "subscription " + config.name() + " to " + config.address() + " at " + config.uri().host() + ":" + config.uri().port(),
            this::attach);
  }

  /** starts connecting. */
  public void start() {
    connector.start();
  }

  private void attach(AmqpConnection c) {
    Session session = c.proton().session();
    c.sessionWindow(budget.limit());
    c.openSession(session);
    Receiver receiver = session.receiver(config.address());
    Source source = new Source();
    source.setAddress(config.address());
    if (config.durableSource()) {
      source.setDurable(TerminusDurability.UNSETTLED_STATE);
      source.setExpiryPolicy(TerminusExpiryPolicy.NEVER);
    }
    receiver.setSource(source);
    receiver.setTarget(new Target());
    receiver.setReceiverSettleMode(ReceiverSettleMode.FIRST);
    new InboundReceiver(c, receiver, config.name(), config.address(), codec, sink, budget, config.limits().credit(), config.limits().maxMessageSize()) {
      @Override
      public void onRemoteOpen(Link link) {
        super.onRemoteOpen(link);
        if (link.getRemoteSource() != null) { // a refused attach has no source; its detach follows
          connector.attached();
        }
      }

      @Override
      public void onRemoteClose(Link link, CfxEndpointException error) {
        super.onRemoteClose(link, error);
        connector.recycle("the broker closed the link to " + config.address() + ": " + error.getMessage());
      }
    }.open();
  }

  @Override
  public ChannelStatus status() {
    return connector.status();
  }

  @Override
  public void close() {
    connector.stop();
  }
}
