package io.cfxtrace.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * a query over a stretch of history ({@link EventStoreReader#queryHistory}) runs without JIT, and
 * leaves its pooled connection as it found it. The pool has one connection, so that every call
 * here uses the same one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class HistoryQueryTest {

  private QueryServiceFixture service;
  private EventStoreReader store;

  @BeforeAll
  void startTheServiceWithOneConnection() {
    service = QueryServiceFixture.storing(List.of(), Map.of("datasources.default.maximum-pool-size", 1, "datasources.default.minimum-idle", 1));
    store = service.context().getBean(EventStoreReader.class);
  }

  @AfterAll
  void stopTheService() {
    service.close();
  }

  /** the connection's jit setting and where it comes from ({@code session} once a statement set it for the session). */
  private String jit() {
    return store.query("select setting || ' from ' || source as jit from pg_settings where name = 'jit'", r -> r.text("jit")).get(0);
  }

  /**
   * whether two statements in a row run in transactions of their own (autocommit): in one left
   * open they would see the same transaction start time.
   */
  private boolean statementsRunInTransactionsOfTheirOwn() {
    String first = store.query("select now()::text as started", r -> r.text("started")).get(0);
    String second = store.query("select now()::text as started", r -> r.text("started")).get(0);
    return !first.equals(second);
  }

  @Test
  void historyQueryRunsWithoutJit() {
    assertThat(store.queryHistory("select current_setting('jit') as jit", r -> r.text("jit"))).containsExactly("off");
  }

  @Test
  void settingEndsWithTheHistoryQuery() {
    String before = jit();
    assertThat(before).doesNotEndWith(" from session");

    store.queryHistory("select 1 as one", r -> r.integer("one"));

    assertThat(jit()).isEqualTo(before);
    assertThat(statementsRunInTransactionsOfTheirOwn()).isTrue();
  }

  @Test
  void failedHistoryQueryLeavesTheConnectionUsableAndOutOfItsTransaction() {
    String before = jit();

    assertThatThrownBy(() -> store.queryHistory("select 1 / 0 as never", r -> r.integer("never"))).isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("22012");

    assertThat(jit()).isEqualTo(before);
    assertThat(statementsRunInTransactionsOfTheirOwn()).isTrue();
  }
}
