package io.cfxtrace.simulators.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * the complete settings of the ingest and the query service when both run in this JVM (the demo,
 * and the record/replay tests).
 *
 * <p>Both services keep their defaults in a class-path {@code application.yml}; on one class path
 * Micronaut reads only the first of the two (and the fat jar keeps only one), so the other
 * service's file would configure both contexts: the query service's read-only pool would stop the
 * ingest writer, and the ingest service's Flyway settings would make the query service migrate.
 * Each context therefore gets every setting that matters here from these maps, which take
 * precedence over any file.
 */
public final class ServiceSettings {

  private ServiceSettings() {}

  /**
   * where the event store is.
   *
   * @param url the JDBC URL.
   * @param user the user, or null.
   * @param password the password, or null.
   */
  public record Store(String url, @org.jspecify.annotations.Nullable String user, @org.jspecify.annotations.Nullable String password) {}

  /**
   * the ingest service: a writable pool, Flyway migrations, one anonymous AMQP listener named
   * {@code demo}, health and Prometheus endpoints.
   *
   * @param store the event store.
   * @param amqpHost the interface the listener binds.
   * @param amqpPort the listener's port, 0 for a free one.
   * @param httpPort the health/metrics HTTP port, -1 for a free one.
   * @return the settings.
   */
  public static Map<String, Object> ingest(Store store, String amqpHost, int amqpPort, int httpPort) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("micronaut.application.name", "cfx-ingest");
    p.put("micronaut.server.port", httpPort);
    dataSource(p, store);
    p.put("datasources.default.read-only", false);
    p.put("datasources.default.data-source-properties.readOnlyMode", "ignore");
    p.put("datasources.default.dialect", "POSTGRES");
    p.put("flyway.enabled", true);
    p.put("flyway.datasources.default.enabled", true);
    p.put("flyway.datasources.default.locations", "classpath:db/migration");
    p.put("micronaut.metrics.enabled", true);
    p.put("micronaut.metrics.export.prometheus.enabled", true);
    p.put("micronaut.metrics.export.prometheus.step", "PT1M");
    p.put("micronaut.metrics.export.prometheus.descriptions", true);
    p.put("endpoints.health.enabled", true);
    p.put("endpoints.health.sensitive", false);
    p.put("endpoints.health.details-visible", "ANONYMOUS");
    p.put("endpoints.prometheus.enabled", true);
    p.put("endpoints.prometheus.sensitive", false);
    p.put("cfx.ingest.enabled", true);
    // the query service's beans are on the class path too: keep them out of this context
    p.put("cfx.query.enabled", false);
    p.put("cfx.ingest.handle", "CfxTrace.Ingest");
    p.put("cfx.ingest.listeners.demo.host", amqpHost);
    p.put("cfx.ingest.listeners.demo.port", amqpPort);
    p.put("cfx.ingest.listeners.demo.allow-anonymous", true);
    return p;
  }

  /**
   * the query service: a read-only pool, no migrations, the ingest beans asleep, its JSON
   * settings, and no authentication (one user on this machine; the demo also starts it in the
   * {@code demo} environment, whose application-demo.yml says the same).
   *
   * @param store the event store.
   * @param httpPort the HTTP port, -1 for a free one.
   * @return the settings.
   */
  public static Map<String, Object> query(Store store, int httpPort) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("micronaut.application.name", "cfx-query");
    p.put("micronaut.server.port", httpPort);
    dataSource(p, store);
    p.put("datasources.default.read-only", true);
    p.put("datasources.default.data-source-properties.readOnlyMode", "always");
    p.put("jackson.serialization-inclusion", "non_null");
    p.put("jackson.serialization.write-dates-as-timestamps", false);
    p.put("flyway.enabled", false);
    p.put("flyway.datasources.default.enabled", false);
    p.put("cfx.ingest.enabled", false);
    p.put("cfx.query.auth.enabled", false);
    return p;
  }

  private static void dataSource(Map<String, Object> p, Store store) {
    p.put("datasources.default.url", store.url());
    if (store.user() != null) {
      p.put("datasources.default.username", store.user());
    }
    p.put("datasources.default.password", store.password() == null ? "" : store.password());
    p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
    p.put("datasources.default.maximum-pool-size", 8);
  }
}
