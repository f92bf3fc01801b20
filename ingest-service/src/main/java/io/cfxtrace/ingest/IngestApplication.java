package io.cfxtrace.ingest;

import io.cfxtrace.ingest.store.EmbeddedDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * the ingest service: receives CFX over AMQP (listeners, broker subscriptions) and writes the
 * event store.
 *
 * <p>With no {@code datasources.default.url} configured it first starts an embedded PostgreSQL
 * whose data directory ({@code cfx.store.embedded-data-directory}) is kept between runs.
 */
public final class IngestApplication {

  private IngestApplication() {}

  /**
   * starts the service.
   *
   * @param args command-line arguments ({@code --key=value} settings).
   */
  public static void main(String[] args) {
    start(args, Map.of());
  }

  /**
   * starts the service with extra settings, as the demo does.
   *
   * @param args command-line arguments.
   * @param properties settings that override the configuration files.
   * @return the running application context; closing it stops the service (and the embedded
   *     database, if one was started).
   */
  public static ApplicationContext start(String[] args, Map<String, Object> properties) {
    return start(Micronaut.build(args).properties(properties));
  }

  /**
   * starts the service from a prepared builder: {@code ./cfx ingest} names the service's own
   * configuration files there (on its class path the query service's {@code application.yml}
   * shares the name) and adds the settings given on its command line.
   *
   * @param builder the builder, with its settings and property sources.
   * @return the running application context; closing it stops the service (and the embedded
   *     database, if one was started).
   * @throws RuntimeException when the service cannot start; what had started is closed again.
   */
  public static ApplicationContext start(ApplicationContextBuilder builder) {
    ApplicationContext context = builder.mainClass(IngestApplication.class).banner(false).build();
    Environment env = context.getEnvironment();
    env.start();
    if (env.getProperty("datasources.default.url", String.class).isEmpty()) {
      EmbeddedDatabase db =
          EmbeddedDatabase.start(
              Path.of(env.getProperty("cfx.store.embedded-data-directory", String.class).orElse("data/postgres")),
              env.getProperty("cfx.store.embedded-port", Integer.class).orElse(0));
      env.addPropertySource(PropertySource.of("cfx-embedded-database", embeddedDataSource(db)));
      context.registerSingleton(EmbeddedDatabase.class, db);
      context.registerSingleton(new EmbeddedDatabaseStopper(db));
    }
    try {
      context.start();
      context.findBean(EmbeddedApplication.class).ifPresent(app -> {
        if (!app.isRunning()) {
          app.start();
        }
      });
    } catch (RuntimeException e) {
      // a listener that cannot bind, say: what had started (the pool, the embedded database) stops
      try {
        context.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return context;
  }

  /** the datasource settings for an embedded database. */
  public static Map<String, Object> embeddedDataSource(EmbeddedDatabase db) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("datasources.default.url", db.jdbcUrl());
    p.put("datasources.default.username", "postgres");
    p.put("datasources.default.password", "");
    p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
    return p;
  }

  /** stops the embedded database after the context has closed everything that used it. */
  static final class EmbeddedDatabaseStopper implements ApplicationEventListener<ShutdownEvent> {
    private final EmbeddedDatabase db;

    EmbeddedDatabaseStopper(EmbeddedDatabase db) {
      this.db = db;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
      db.close();
    }
  }
}
