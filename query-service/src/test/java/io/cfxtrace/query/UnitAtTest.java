package io.cfxtrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.UnitAt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * the Java lookup of {@link UnitAt#of} (where-used resolves thousands of links with it) gives
 * what the store's {@code unit_at(key, time)} gives, for every key and time of a store with a
 * reusable carrier position that named three boards, a provisional key named after its first
 * event, two aliases with the same validity start, and a key without alias.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class UnitAtTest {

  private static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

  private QueryServiceFixture service;

  @BeforeAll
  void storeAliases() throws SQLException {
    service = QueryServiceFixture.storing(List.of());
    try (Connection c = service.database().connect();
        PreparedStatement ps = c.prepareStatement("insert into unit_alias (alias, unit_id, event_time, valid_from, unique_id) values (?, ?, ?, ?, ?)")) {
      // the carrier position on three trips, the third named twice at one time by two messages
      alias(ps, "CARRIER-7#1", "SN-A1", 10, 10);
      alias(ps, "CARRIER-7#1", "SN-B1", 40, 40);
      alias(ps, "CARRIER-7#1", "SN-C1", 71, 70);
      alias(ps, "CARRIER-7#1", "SN-C2", 70, 70);
      // a provisional key named by a later message, valid from the panel's first event
      alias(ps, "PANEL-9#2", "SN-P2", 55, 20);
      ps.executeBatch();
    }
  }

  private static void alias(PreparedStatement ps, String alias, String unit, int eventMinute, int validMinute) throws SQLException {
    ps.setString(1, alias);
    ps.setString(2, unit);
    ps.setTimestamp(3, Timestamp.from(T0.plusSeconds(60L * eventMinute)));
    ps.setTimestamp(4, Timestamp.from(T0.plusSeconds(60L * validMinute)));
    ps.setObject(5, UUID.randomUUID());
    ps.addBatch();
  }

  @AfterAll
  void stop() {
    service.close();
  }

  @Test
  void javaLookupGivesWhatTheStoresUnitAtGivesForEveryKeyAndTime() throws SQLException {
    List<String> keys = List.of("CARRIER-7#1", "PANEL-9#2", "SN-X9", "SN-A1");
    UnitAt lookup = UnitAt.of(service.context().getBean(EventStoreReader.class), keys);
    List<String> java = new ArrayList<>();
    List<String> sql = new ArrayList<>();
    try (Connection c = service.database().connect(); PreparedStatement ps = c.prepareStatement("select unit_at(?, ?)")) {
      for (String key : keys) {
        for (int minute = 0; minute <= 90; minute += 5) {
          Instant at = T0.plusSeconds(60L * minute);
          ps.setString(1, key);
          ps.setTimestamp(2, Timestamp.from(at));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            sql.add(key + "@" + minute + "=" + rs.getString(1));
          }
          java.add(key + "@" + minute + "=" + lookup.unit(key, at));
        }
      }
    }

    assertThat(java).isEqualTo(sql).contains("CARRIER-7#1@0=SN-A1", "CARRIER-7#1@45=SN-B1", "PANEL-9#2@0=SN-P2", "SN-X9@30=SN-X9");
  }
}
