package io.cfxtrace.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.query.config.AuthConfiguration;
import io.cfxtrace.query.config.FeedConfiguration;
import io.cfxtrace.query.config.InterlockBrokerConfiguration;
import io.cfxtrace.query.config.QueryConfiguration;
import io.cfxtrace.query.config.WorkbenchConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** the service's settings bind, default, validate and fail fast; its connections only read. */
@Timeout(60)
class QueryConfigurationTest {

  private static final TestDatabase DB = TestDatabase.migrated();

  /** a context with the settings bound, without the HTTP server. */
  private static ApplicationContext context(Map<String, Object> settings) {
    Map<String, Object> p = new HashMap<>(QueryServiceFixture.properties(DB));
    p.putAll(settings);
    return ApplicationContext.builder().properties(p).eagerInitConfiguration(true).build().start();
  }

  @Test
  void defaultsApplyWhenNothingIsSet() {
    try (ApplicationContext ctx = context(Map.of())) {
      QueryConfiguration c = ctx.getBean(QueryConfiguration.class);

      assertThat(c.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(c.longestTransaction()).isEqualTo(Duration.ofHours(12));
      assertThat(c.connectionTimeout()).isEqualTo(Duration.ofSeconds(3));
      assertThat(c.healthTimeout()).isEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void settingsBindByName() {
    try (ApplicationContext ctx = context(Map.of("cfx.query.statement-timeout", "5s", "cfx.query.longest-transaction", "2h",
        "cfx.query.connection-timeout", "2s", "cfx.query.health-timeout", "500ms"))) {
      QueryConfiguration c = ctx.getBean(QueryConfiguration.class);

      assertThat(c.statementTimeout()).isEqualTo(Duration.ofSeconds(5));
      assertThat(c.longestTransaction()).isEqualTo(Duration.ofHours(2));
      assertThat(c.connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
      assertThat(c.healthTimeout()).isEqualTo(Duration.ofMillis(500));
    }
  }

  @Test
  void poolWaitsForAConnectionNoLongerThanTheConnectionTimeout() {
    try (ApplicationContext ctx = context(Map.of("cfx.query.connection-timeout", "2s"))) {
      HikariDataSource pool = (HikariDataSource) ctx.findBean(DataSourceResolver.class).orElse(DataSourceResolver.DEFAULT)
          .resolve(ctx.getBean(DataSource.class));

      assertThat(List.of(pool.getConnectionTimeout(), pool.getValidationTimeout())).containsExactly(2000L, 2000L);
    }
  }

  @Test
  void connectionTimeoutSetAsAPoolSettingStopsTheStartNamingTheSettingToUse() {
    assertThatThrownBy(() -> {
      try (ApplicationContext ctx = context(Map.of("datasources.default.connection-timeout", 1000))) {
        ctx.getBean(DataSource.class);
      }
    }).hasStackTraceContaining("datasources.default.connection-timeout is set, but the query service sets its pool's connection timeout"
        + " from cfx.query.connection-timeout");
  }

  @ParameterizedTest
  @CsvSource({"connection-timeout, 100ms, from 250ms to 1m", "connection-timeout, 2m, from 250ms to 1m",
      "health-timeout, 10ms, from 100ms to 1m", "health-timeout, 61s, from 100ms to 1m"})
  void timeoutOutsideItsRangeStopsTheStartNamingIt(String key, String value, String range) {
    assertThatThrownBy(() -> context(Map.of("cfx.query." + key, value)).close())
        .hasStackTraceContaining("cfx.query." + key + " must be " + range + ", was");
  }

  @Test
  void misspeltSettingStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> context(Map.of("cfx.query.statement-timout", "5s")).close())
        .hasStackTraceContaining("cfx.query.statement-timout");
  }

  @Test
  void statementTimeoutBelowOneSecondStopsTheStart() {
    assertThatThrownBy(() -> context(Map.of("cfx.query.statement-timeout", "10ms")).close())
        .hasStackTraceContaining("statement-timeout must be at least 1s");
  }

  @Test
  void authIsOnByDefaultAndTheFeedHasItsDefaults() {
    try (ApplicationContext ctx = context(Map.of())) {
      assertThat(ctx.getBean(AuthConfiguration.class)).isEqualTo(new AuthConfiguration(true, List.of(QueryServiceFixture.TOKEN)));
      assertThat(ctx.getBean(FeedConfiguration.class)).isEqualTo(new FeedConfiguration(Duration.ofMillis(200), 1000, Duration.ofSeconds(2), 100, Duration.ofDays(1)));
    }
  }

  @Test
  void authOnWithoutTokensStopsTheStartSayingWhatToSet() {
    Map<String, Object> p = new HashMap<>(QueryServiceFixture.properties(DB));
    p.remove("cfx.query.auth.tokens");

    assertThatThrownBy(() -> ApplicationContext.builder().properties(p).build().start().close())
        .hasStackTraceContaining("cfx.query.auth.enabled is true but cfx.query.auth.tokens is empty");
  }

  @Test
  void demoEnvironmentSwitchesAuthOff() {
    Map<String, Object> p = new HashMap<>(QueryServiceFixture.properties(DB));
    p.remove("cfx.query.auth.tokens");
    try (ApplicationContext ctx = ApplicationContext.builder("demo").properties(p).build().start()) {
      assertThat(ctx.getBean(AuthConfiguration.class).enabled()).isFalse();
    }
  }

  @Test
  void authSwitchedOffBySettingNeedsNoTokens() {
    Map<String, Object> p = new HashMap<>(QueryServiceFixture.properties(DB));
    p.remove("cfx.query.auth.tokens");
    p.put("cfx.query.auth.enabled", false);
    try (ApplicationContext ctx = ApplicationContext.builder().properties(p).build().start()) {
      assertThat(ctx.getBean(AuthConfiguration.class).enabled()).isFalse();
    }
  }

  @Test
  void misspeltAuthSettingStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> context(Map.of("cfx.query.auth.token", "x")).close()).hasStackTraceContaining("cfx.query.auth.token");
  }

  @Test
  void feedBufferOutsideItsRangeStopsTheStart() {
    assertThatThrownBy(() -> context(Map.of("cfx.query.feed.client-buffer", "0")).close())
        .hasStackTraceContaining("cfx.query.feed.client-buffer must be from 1 to 100000, was 0");
  }

  @ParameterizedTest
  @CsvSource({"20", "451"})
  void liquidusOutsideAnySoldersStopsTheStart(String liquidus) {
    assertThatThrownBy(() -> context(Map.of("cfx.query.workbench.liquidus", liquidus)).close())
        .hasStackTraceContaining("cfx.query.workbench.liquidus must be from 50 to 450 (°C), was");
  }

  @Test
  void workbenchSettingsBindByName() {
    try (ApplicationContext ctx = context(Map.of("cfx.query.workbench.liquidus", "183", "cfx.query.workbench.final-stations", "*.FCT.*,Line2.EOL"))) {
      WorkbenchConfiguration w = ctx.getBean(WorkbenchConfiguration.class);

      assertThat(w.liquidus()).isEqualTo(183.0);
      assertThat(w.isFinal("Line1.FCT.FCT01")).isTrue();
      assertThat(w.isFinal("Line2.EOL")).isTrue();
      assertThat(w.isFinal("Line1.ICT.ICT01")).isFalse();
    }
  }

  @Test
  void brokerRequestSettingsWithTheInterlocksOffStopTheStartSayingSo() {
    assertThatThrownBy(() -> context(Map.of("cfx.query.interlocks.broker.uri", "amqp://127.0.0.1:1")).close())
        .hasStackTraceContaining("cfx.query.interlocks.broker.* is set but cfx.query.interlocks.enabled is false");
  }

  @Test
  void brokerRequestSettingsWithoutTheirUriStopTheStartNamingIt() {
    assertThatThrownBy(() -> context(Map.of("cfx.query.interlocks.broker.credit", "10")).close())
        .hasStackTraceContaining("cfx.query.interlocks.broker.uri is not set");
  }

  @Test
  void brokerRequestCreditOutsideItsRangeStopsTheStart() {
    assertThatThrownBy(() -> context(Map.of("cfx.query.interlocks.broker.uri", "amqp://127.0.0.1:1", "cfx.query.interlocks.broker.credit", "0")).close())
        .hasStackTraceContaining("cfx.query.interlocks.broker.credit is 0: expected 1 to 10000");
  }

  @Test
  void misspeltBrokerRequestSettingStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> context(Map.of("cfx.query.interlocks.broker.url", "amqp://127.0.0.1:1")).close())
        .hasStackTraceContaining("cfx.query.interlocks.broker.url");
  }

  @Test
  void theBrokerRequestAddressIsTheUrisPathOrElseTheHandlesQueue() {
    assertThat(new InterlockBrokerConfiguration("amqp://cfx:secret@broker:5672", null, null, null, 100).toChannelConfig("CfxTrace.Interlocks").address())
        .isEqualTo("/queue/CfxTrace.Interlocks");
    assertThat(new InterlockBrokerConfiguration("amqp://cfx:secret@broker:5672/queues/interlocks", "vhost:line1", null, null, 100)
        .toChannelConfig("CfxTrace.Interlocks"))
        .satisfies(c -> {
          assertThat(c.address()).isEqualTo("/queues/interlocks");
          assertThat(c.virtualHost()).isEqualTo("vhost:line1");
          assertThat(c.uri().user()).isEqualTo("cfx");
        });
  }

  @Test
  void pooledConnectionsRefuseWrites() {
    try (ApplicationContext ctx = context(Map.of())) {
      DataSource pool = ctx.findBean(DataSourceResolver.class).orElse(DataSourceResolver.DEFAULT).resolve(ctx.getBean(DataSource.class));

      assertThatThrownBy(() -> {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
          s.execute("insert into unit_alias (alias, unit_id, event_time, unique_id) values ('X#1', 'X', now(), gen_random_uuid())");
        }
      }).isInstanceOf(SQLException.class).hasMessageContaining("read-only");
    }
  }
}
