package io.cfxtrace.ingest;

import io.micronaut.context.annotation.Requires;
import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.Subscription;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * health of each AMQP link (listeners, subscriptions) and of the write path, at /health next to
 * the database's: DOWN while a subscription is not connected or the store keeps failing.
 */
@Requires(property = "cfx.ingest.enabled", value = "true", defaultValue = "true")
@Singleton
public class AmqpHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

  private final IngestEndpoint endpoint;
  private final IngestPipeline pipeline;

  /**
   * the indicator.
   *
   * @param endpoint the AMQP side.
   * @param pipeline the write path.
   */
  public AmqpHealthIndicator(IngestEndpoint endpoint, IngestPipeline pipeline) {
    this.endpoint = endpoint;
    this.pipeline = pipeline;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean up = true;
    for (var l : endpoint.listeners().entrySet()) {
      details.put("listener." + l.getKey(), Map.of("port", l.getValue().port(), "connections", l.getValue().connectionCount()));
    }
    for (Map.Entry<String, Subscription> s : endpoint.subscriptions().entrySet()) {
      ChannelStatus st = s.getValue().status();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("state", st.state().name());
      d.put("since", st.since().toString());
      if (st.lastError() != null) {
        d.put("lastError", st.lastError());
      }
      details.put("subscription." + s.getKey(), d);
      up &= st.isUp();
    }
    String storeProblem = pipeline.unhealthyReason();
    details.put("store", storeProblem == null ? "writing" : storeProblem);
    details.put("queued", pipeline.queued());
    up &= storeProblem == null;
    healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
    return details;
  }

  @Override
  protected String getName() {
    return "amqp";
  }
}
