package io.cfxtrace.ingest;

import io.micronaut.context.annotation.Requires;
import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.endpoint.SubscriptionConfig;
import io.cfxtrace.endpoint.TlsConfig;
import io.cfxtrace.ingest.config.IngestConfiguration;
import io.cfxtrace.ingest.config.ListenerProperties;
import io.cfxtrace.ingest.config.SubscriptionProperties;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the AMQP side of the ingest service: the configured listeners and broker subscriptions, all
 * feeding the {@link IngestPipeline}. Started with the application (a listener that cannot bind
 * stops the start-up with the reason), stopped before the pipeline.
 */
@Requires(property = "cfx.ingest.enabled", value = "true", defaultValue = "true")
@Context
public class IngestEndpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestEndpoint.class);

  private final CfxEndpoint endpoint;
  private final Map<String, Listener> listeners = new LinkedHashMap<>();
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

  /**
   * starts listeners and subscriptions.
   *
   * @param config the ingest settings.
   * @param listenerConfigs the configured listeners.
   * @param subscriptionConfigs the configured subscriptions.
   * @param pipeline the sink.
   * @throws CfxEndpointException when a listener cannot bind its port.
   */
  public IngestEndpoint(
      IngestConfiguration config,
      List<ListenerProperties> listenerConfigs,
      List<SubscriptionProperties> subscriptionConfigs,
      IngestPipeline pipeline)
      throws CfxEndpointException {
    this.endpoint =
        CfxEndpoint.start(
            EndpointIdentity.of(config.handle(), null),
            CfxEndpoint.Options.defaults().withFlowBudget(flowBudget(config.flowBudgetMb(), Runtime.getRuntime().maxMemory())));
    try {
      for (ListenerProperties l : listenerConfigs) {
        Listener listener = endpoint.listen(toConfig(l), pipeline);
        listeners.put(l.name(), listener);
        LOG.info("machines publish to amqp://<this host>:{} (listener {})", listener.port(), l.name());
      }
      for (SubscriptionProperties s : subscriptionConfigs) {
        subscriptions.put(s.name(), endpoint.subscribe(toConfig(s), pipeline));
      }
    } catch (CfxEndpointException | RuntimeException e) {
      endpoint.close();
      throw e;
    }
  }

  static ListenerConfig toConfig(ListenerProperties l) {
    ListenerConfig.Limits limits =
        ListenerConfig.Limits.defaults().withMaxMessageSize((long) l.maxMessageMb() * 1024 * 1024).withCredit(l.credit());
    TlsConfig tls = l.keyStore() == null ? null : TlsConfig.server(Path.of(l.keyStore()), l.keyStorePassword());
    return new ListenerConfig(
        l.name(),
        l.host(),
        l.port(),
        l.addresses() == null ? java.util.Set.of() : new HashSet<>(l.addresses()),
        l.allowAnonymous(),
        l.users() == null ? Map.of() : l.users(),
        tls,
        limits);
  }

  static SubscriptionConfig toConfig(SubscriptionProperties s) {
    AmqpUri uri = AmqpUri.parse(s.uri());
    TlsConfig tls = s.trustStore() == null ? null : TlsConfig.trusting(Path.of(s.trustStore()), s.trustStorePassword());
    return new SubscriptionConfig(
        s.name(),
        uri,
        uri.requireAddress(),
        s.virtualHost(),
        tls,
        s.durable(),
        ListenerConfig.Limits.defaults().withCredit(s.credit()),
        ReconnectPolicy.defaults());
  }

  /**
   * the flow budget: the configured megabytes, but at most an eighth of the heap, so that the
   * default (256 MiB) does not let a service started with {@code -Xmx256m} take in more than its
   * heap holds beside the one large message being decoded and written (issue #13: the records of
   * a 30 MB inspection result take about 50 MB); at least 1 MiB.
   *
   * @param configuredMb {@code cfx.ingest.flow-budget-mb}.
   * @param maxHeap the JVM's largest heap.
   * @return bytes.
   */
  static long flowBudget(int configuredMb, long maxHeap) {
    long configured = (long) configuredMb * 1024 * 1024;
    long eighth = maxHeap == Long.MAX_VALUE ? configured : maxHeap / 8;
    long budget = Math.max(1024 * 1024, Math.min(configured, eighth));
    if (budget < configured) {
      LOG.info("flow budget {} MiB instead of the configured {} MiB: an eighth of the {} MiB heap", budget >> 20, configuredMb, maxHeap >> 20);
    }
    return budget;
  }

  /** the running listeners by name. */
  public Map<String, Listener> listeners() {
    return listeners;
  }

  /** the running subscriptions by name. */
  public Map<String, Subscription> subscriptions() {
    return subscriptions;
  }

  /** the endpoint, for requests. */
  public CfxEndpoint endpoint() {
    return endpoint;
  }

  /** closes listeners and subscriptions; unsettled deliveries are redelivered by their senders. */
  @PreDestroy
  @Override
  public void close() {
    endpoint.close();
  }
}
