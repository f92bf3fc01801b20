package io.cfxtrace.query.store;

import io.cfxtrace.query.config.QueryConfiguration;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

/**
 * gives the pool {@link QueryConfiguration#connectionTimeout()} before it is built. Hikari's own
 * default (30 s) made every request wait 30 s while the store was down, and a container probe
 * (5 s) saw nothing at all; the setting lives with the service's other typed settings, and is
 * checked there, rather than as a bare millisecond number under {@code datasources.*}.
 */
@Singleton
class PoolTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {

  private final QueryConfiguration config;
  private final Environment environment;

  /**
   * creates the listener.
   *
   * @param config the timeouts.
   * @param environment to refuse the same timeout set twice.
   */
  PoolTimeouts(QueryConfiguration config, Environment environment) {
    this.config = config;
    this.environment = environment;
  }

  /**
   * sets the pool's connection timeout, and its validation timeout no longer (Hikari would warn
   * and shorten it itself).
   *
   * @throws ConfigurationException when {@code datasources.<name>.connection-timeout} is set too:
   *     two settings for one thing, one of them silently ignored.
   */
  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration pool = event.getBean();
    String own = "datasources." + pool.getName() + ".connection-timeout";
    if (environment.containsProperty(own)) {
      throw new ConfigurationException(own + " is set, but the query service sets its pool's connection timeout from cfx.query.connection-timeout"
          + " (a duration such as 3s): set that instead");
    }
    long millis = config.connectionTimeout().toMillis();
    pool.setConnectionTimeout(millis);
    pool.setValidationTimeout(Math.min(pool.getValidationTimeout(), millis));
    return pool;
  }
}
