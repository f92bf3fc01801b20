package io.cfxtrace.query.interlock;

import io.cfxtrace.endpoint.ChannelStatus;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * the interlocks at {@code /health} ({@code interlocks}), as the ingest service reports its
 * channels: the listener's port and, with {@code cfx.query.interlocks.broker.*}, the broker request
 * channel's state; DOWN while that channel is not connected (machines that ask through the broker
 * get no answer then).
 */
@Singleton
@Requires(beans = HealthEndpoint.class)
@Requires(property = "cfx.query.interlocks.enabled", value = "true")
public class InterlockHealthIndicator implements HealthIndicator {

  private static final String NAME = "interlocks";

  private final InterlockService service;
  private final BeanProvider<InterlockBrokerChannel> broker;

  /**
   * the indicator.
   *
   * @param service the listener.
   * @param broker the broker request channel, when configured.
   */
  public InterlockHealthIndicator(InterlockService service, BeanProvider<InterlockBrokerChannel> broker) {
    this.service = service;
    this.broker = broker;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("listener", Map.of("port", service.port()));
    boolean up = true;
    if (broker.isPresent()) {
      InterlockBrokerChannel channel = broker.get();
      ChannelStatus st = channel.status();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("address", channel.address());
      d.put("state", st.state().name());
      d.put("since", st.since().toString());
      if (st.lastError() != null) {
        d.put("lastError", st.lastError());
      }
      details.put("broker", d);
      up = st.isUp();
    }
    return Publishers.just(HealthResult.builder(NAME, up ? HealthStatus.UP : HealthStatus.DOWN).details(details).build());
  }
}
