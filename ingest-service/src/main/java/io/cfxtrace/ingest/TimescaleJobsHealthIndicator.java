package io.cfxtrace.ingest;

import io.cfxtrace.ingest.store.TimescaleJobRunner;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * the TimescaleDB job runner at /health ({@code timescale-jobs}): whether it is on and why, when
 * it last looked at the jobs, and the last run of each job it ran. Always UP: a failed compression
 * run loses nothing (the rows stay uncompressed and the next run tries again), so it must not take
 * the ingest service out of a load balancer; the failure is in the details and the log.
 */
@Requires(beans = TimescaleJobRunner.class)
@Singleton
public class TimescaleJobsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

  private final TimescaleJobRunner runner;

  /**
   * the indicator.
   *
   * @param runner the runner.
   */
  public TimescaleJobsHealthIndicator(TimescaleJobRunner runner) {
    this.runner = runner;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    TimescaleJobRunner.Status s = runner.status();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mode", s.mode().name().toLowerCase(Locale.ROOT));
    d.put("active", s.active());
    d.put("reason", s.reason());
    if (s.lastCheck() != null) {
      d.put("lastCheck", s.lastCheck().toString());
    }
    if (s.lastError() != null) {
      d.put("lastError", s.lastError());
    }
    for (TimescaleJobRunner.Run r : s.lastRuns()) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("proc", r.proc());
      run.put("table", r.table());
      run.put("at", r.at().toString());
      run.put("reason", r.reason());
      run.put("outcome", r.outcome());
      run.put("millis", r.millis());
      if (r.error() != null) {
        run.put("error", r.error());
      }
      d.put("job." + r.job(), run);
    }
    healthStatus = HealthStatus.UP;
    return d;
  }

  @Override
  protected String getName() {
    return "timescale-jobs";
  }
}
