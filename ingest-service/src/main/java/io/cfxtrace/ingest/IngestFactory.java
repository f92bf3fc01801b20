package io.cfxtrace.ingest;

import io.cfxtrace.ingest.config.IngestConfiguration;
import io.cfxtrace.ingest.normalize.CfxNormalizer;
import io.cfxtrace.ingest.normalize.Normalizer;
import io.cfxtrace.ingest.pipeline.IngestMetrics;
import io.cfxtrace.ingest.pipeline.IngestPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;

/** builds the write path from the configuration. */
@Factory
public class IngestFactory {

  /**
   * the writer of the event store.
   *
   * @param dataSource the event store (migrated by Flyway before this bean is created).
   * @param config the ingest settings.
   * @param registry the meter registry.
   * @return the pipeline.
   */
  @Singleton
  @Bean(preDestroy = "close")
  public IngestPipeline pipeline(DataSource dataSource, IngestConfiguration config, MeterRegistry registry) {
    Normalizer normalizer = new CfxNormalizer();
    // the writer manages its own transactions: it needs the pool, not Micronaut Data's
    // transaction-aware proxy
    return new IngestPipeline(
        DelegatingDataSource.unwrapDataSource(dataSource),
        normalizer,
        depth -> new IngestMetrics(registry, depth),
        ZoneOffset.of(config.zonelessOffset()),
        config.queueCapacity(),
        config.batchSize(),
        config.batchDelay(),
        config.retryMaxDelay());
  }
}
