package io.cfxtrace.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** the service's settings bind, default, validate and fail fast, without starting the service. */
class IngestConfigurationTest {

  private static final io.cfxtrace.ingest.testing.TestDatabase DB = io.cfxtrace.ingest.testing.TestDatabase.create();

  /** a context with the settings bound but the service itself (AMQP listeners) not started. */
  private static ApplicationContext context(Map<String, Object> props) {
    java.util.Map<String, Object> p = new java.util.HashMap<>(props);
    p.putAll(DB.properties());
    p.put("cfx.ingest.enabled", false);
    return ApplicationContext.builder().properties(p).eagerInitConfiguration(true).build().start();
  }

  @Test
  void defaultsApplyWhenNothingIsSet() {
    try (ApplicationContext ctx = context(Map.of("cfx.ingest.handle", "Line.Ingest"))) {
      IngestConfiguration c = ctx.getBean(IngestConfiguration.class);

      assertThat(c.batchSize()).isEqualTo(1000);
      assertThat(c.batchDelay()).isEqualTo(Duration.ofMillis(20));
      assertThat(c.zonelessOffset()).isEqualTo("+00:00");
      assertThat(c.healthTimeout()).isEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void healthTimeoutBindsByName() {
    try (ApplicationContext ctx = context(Map.of("cfx.ingest.health-timeout", "1500ms"))) {
      assertThat(ctx.getBean(IngestConfiguration.class).healthTimeout()).isEqualTo(Duration.ofMillis(1500));
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"10ms", "2m"})
  void healthTimeoutOutsideItsRangeStopsTheStartNamingIt(String value) {
    assertThatThrownBy(() -> context(Map.of("cfx.ingest.health-timeout", value)).getBean(IngestConfiguration.class))
        .hasStackTraceContaining("cfx.ingest.health-timeout must be from 100ms to 1m, was");
  }

  @Test
  void listenersAndSubscriptionsBindByName() {
    try (ApplicationContext ctx =
        context(
            Map.of(
                "cfx.ingest.listeners.line1.port", 5680,
                "cfx.ingest.listeners.line1.users.cfx", "secret",
                "cfx.ingest.subscriptions.rabbit.uri", "amqp://cfx:pw@broker:5672/queue/cfx"))) {
      ListenerProperties l = ctx.getBean(ListenerProperties.class, io.micronaut.inject.qualifiers.Qualifiers.byName("line1"));
      SubscriptionProperties s = ctx.getBean(SubscriptionProperties.class, io.micronaut.inject.qualifiers.Qualifiers.byName("rabbit"));

      assertThat(l.port()).isEqualTo(5680);
      assertThat(l.users()).containsEntry("cfx", "secret");
      assertThat(l.host()).isEqualTo("0.0.0.0");
      assertThat(s.uri()).endsWith("/queue/cfx");
      assertThat(s.credit()).isEqualTo(300);
    }
  }

  @Test
  void anInvalidValueStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> context(Map.of("cfx.ingest.batch-size", 0)).getBean(IngestConfiguration.class))
        .hasMessageContaining("batchSize");
  }

  @Test
  void aMalformedOffsetStopsTheStart() {
    assertThatThrownBy(() -> context(Map.of("cfx.ingest.zoneless-offset", "CET")).getBean(IngestConfiguration.class))
        .hasMessageContaining("zonelessOffset");
  }

  @Test
  void aMisspeltSettingStopsTheStartAndSuggestsTheRightOne() {
    assertThatThrownBy(() -> context(Map.of("cfx.ingest.batch-sise", 10)).getBean(SettingsCheck.class))
        .hasMessageContaining("cfx.ingest.batch-sise")
        .hasMessageContaining("did you mean 'batch-size'");
  }

  @Test
  void aMisspeltListenerSettingStopsTheStart() {
    assertThatThrownBy(() -> context(Map.of("cfx.ingest.listeners.line1.prot", 5680)).getBean(SettingsCheck.class))
        .hasMessageContaining("cfx.ingest.listeners.line1.prot");
  }

  @Test
  void storeJobRunnerDefaultsToAutoEveryFiveMinutes() {
    try (ApplicationContext ctx = context(Map.of())) {
      StoreConfiguration c = ctx.getBean(StoreConfiguration.class);

      assertThat(c.runJobsMode()).isEqualTo(StoreConfiguration.RunJobs.AUTO);
      assertThat(c.runJobsInterval()).isEqualTo(Duration.ofMinutes(5));
    }
  }

  @Test
  void storeJobRunnerModeBindsFromItsLowerCaseName() {
    try (ApplicationContext ctx = context(Map.of("cfx.store.run-jobs", "always", "cfx.store.run-jobs-interval", "30s"))) {
      StoreConfiguration c = ctx.getBean(StoreConfiguration.class);

      assertThat(c.runJobsMode()).isEqualTo(StoreConfiguration.RunJobs.ALWAYS);
      assertThat(c.runJobsInterval()).isEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void anUnknownJobRunnerModeStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> context(Map.of("cfx.store.run-jobs", "sometimes")).getBean(StoreConfiguration.class))
        .hasMessageContaining("runJobs")
        .hasStackTraceContaining("runJobs - must be auto, always or never");
  }

  @Test
  void aJobRunnerIntervalBelowOneSecondStopsTheStart() {
    assertThatThrownBy(() -> context(Map.of("cfx.store.run-jobs-interval", "10ms")).getBean(StoreConfiguration.class))
        .hasStackTraceContaining("cfx.store.run-jobs-interval must be at least 1s");
  }

  @Test
  void aMisspeltJobRunnerSettingStopsTheStartAndSuggestsTheRightOne() {
    assertThatThrownBy(() -> context(Map.of("cfx.store.run-job", "never")).getBean(SettingsCheck.class))
        .hasMessageContaining("cfx.store.run-job")
        .hasMessageContaining("did you mean 'run-jobs'");
  }

  @Test
  void knownKeysOfEveryKindPass() {
    assertThat(SettingsCheck.known("cfx.ingest.listeners.line1.users.cfx")).isTrue();
    assertThat(SettingsCheck.known("cfx.ingest.listeners.line1.addresses[0]")).isTrue();
    assertThat(SettingsCheck.known("cfx.ingest.subscriptions.rabbit.virtual-host")).isTrue();
    assertThat(SettingsCheck.known("cfx.store.retention")).isTrue();
    assertThat(SettingsCheck.known("cfx.store.run-jobs")).isTrue();
    assertThat(SettingsCheck.knownEnv("CFX_STORE_RUN_JOBS_INTERVAL")).isTrue();
    assertThat(SettingsCheck.knownEnv("CFX_INGEST_LISTENERS_LINE1_PORT")).isTrue();
    assertThat(SettingsCheck.knownEnv("CFX_INGEST_BATCH_SIZE")).isTrue();
    assertThat(SettingsCheck.knownEnv("CFX_INGEST_BATCH_SIZ")).isFalse();
  }
}
