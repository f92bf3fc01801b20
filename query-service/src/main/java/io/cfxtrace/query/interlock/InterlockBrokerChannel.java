package io.cfxtrace.query.interlock;

import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.RequestChannel;
import io.cfxtrace.endpoint.RequestChannelConfig;
import io.cfxtrace.query.config.InterlockBrokerConfiguration;
import io.cfxtrace.query.config.InterlockConfiguration;
import io.cfxtrace.query.config.QuerySettingsCheck;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the interlocks' requests taken from a broker address ({@code cfx.query.interlocks.broker.*}), in
 * addition to the listener: the same handle, the same answers ({@link InterlockService}), sent
 * back through the broker to each request's reply-to. Connects in the background and reconnects
 * until the service stops; {@code /health} is DOWN while it is not connected.
 */
@Context
@Requires(property = "cfx.query.interlocks.broker")
public class InterlockBrokerChannel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InterlockBrokerChannel.class);

  private final RequestChannel channel;
  private final String address;

  /**
   * starts taking requests from the broker.
   *
   * @param service the interlocks' endpoint and answers.
   * @param interlocks the interlocks' settings (the handle, whether they are on).
   * @param broker the broker settings.
   * @param checked the settings check, made first so that a misspelt {@code cfx.query.interlocks.broker.*}
   *     key is named as such rather than reported as a missing uri.
   * @throws ConfigurationException when the interlocks are off.
   */
  public InterlockBrokerChannel(InterlockService service, InterlockConfiguration interlocks, BeanProvider<InterlockBrokerConfiguration> broker,
      QuerySettingsCheck checked) {
    RequestChannelConfig config = broker.get().toChannelConfig(interlocks.handle());
    if (!interlocks.enabled()) {
      throw new ConfigurationException("cfx.query.interlocks.broker.* is set but cfx.query.interlocks.enabled is false: switch the interlocks on, or remove the broker settings");
    }
    this.address = config.address();
    this.channel = service.serveRequests(config);
    LOG.info("interlocks: {} also takes its requests from {} at {}", interlocks.handle(), address, config.uri().redacted());
  }

  /**
   * the broker address requests are taken from.
   *
   * @return the address.
   */
  public String address() {
    return address;
  }

  /**
   * the connection state, for {@code /health}.
   *
   * @return the status.
   */
  public ChannelStatus status() {
    return channel.status();
  }

  /** disconnects; requests not answered yet are redelivered by the broker. */
  @PreDestroy
  @Override
  public void close() {
    channel.close();
  }
}
