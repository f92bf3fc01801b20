package io.cfxtrace.query;

import static io.cfxtrace.query.QueryServiceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.ingest.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * a recall of a reel in 10,000 boards (issue #14: "paging that stays fast at 10,000 boards"): a
 * store written with SQL (the ingest path would take minutes for this many boards) where reel
 * {@code REEL-BIG} placed 8 designators on each of 10,000 boards, each board with a placer
 * transaction and an FCT test (every 50th failed). The page of 100 boards and the CSV of all of
 * them are timed and reported in {@code target/recall-timings.txt}; the bound asserted is generous
 * (the shared build machine's load varies), the figures are what to read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class RecallAtScaleTest {

  private static final Logger LOG = LoggerFactory.getLogger(RecallAtScaleTest.class);
  private static final int BOARDS = 10_000;
  private static final int DESIGNATORS = 8;

  private QueryServiceFixture service;

  @BeforeAll
  void fillTheStoreAndStartTheService() throws SQLException {
    TestDatabase db = TestDatabase.migrated();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      // board n: placed at n minutes after the start, tested 30 min later at FCT
      s.execute("insert into unit_material (installed_at, unit_id, reference_designator, material_package_id, part_number, lot, quantity, station,"
          + " location_identifier, transaction_id, link_kind, unique_id)"
          + " select timestamptz '2026-01-05 06:00Z' + n * interval '1 minute' + d * interval '1 second', 'SN-S-' || lpad(n::text, 6, '0'),"
          + " 'C' || d, 'REEL-BIG', 'CAP-100N-0402', 'LOT-BIG', 1, 'Line1.Placer.PNP01', 'FDR-1', 'tx-p-' || n, 'installed', gen_random_uuid()"
          + " from generate_series(1, " + BOARDS + ") n, generate_series(1, " + DESIGNATORS + ") d");
      s.execute("insert into unit_event (event_time, unit_id, event_type, station, transaction_id, result, message_name, unique_id)"
          + " select timestamptz '2026-01-05 06:00Z' + n * interval '1 minute' + e.o * interval '1 second', 'SN-S-' || lpad(n::text, 6, '0'),"
          + " e.type, e.station, e.tx || n, case when e.type = 'tested' then case when n % 50 = 0 then 'Failed' else 'Passed' end"
          + " when e.type = 'work_completed' then 'Completed' end, 'CFX.Test', gen_random_uuid()"
          + " from generate_series(1, " + BOARDS + ") n, (values (0, 'work_started', 'Line1.Placer.PNP01', 'tx-p-'),"
          + " (20, 'work_completed', 'Line1.Placer.PNP01', 'tx-p-'), (1800, 'work_started', 'Line1.FCT.FCT01', 'tx-f-'),"
          + " (1830, 'tested', 'Line1.FCT.FCT01', 'tx-f-'), (1840, 'work_completed', 'Line1.FCT.FCT01', 'tx-f-')) e(o, type, station, tx)");
      s.execute("insert into unit_check (event_time, unit_id, check_kind, name, result, station, transaction_id, method, unique_id)"
          + " select event_time, unit_id, 'test', 'FUNCTION', result, station, transaction_id, 'FCT', gen_random_uuid() from unit_event"
          + " where event_type = 'tested'");
      s.execute("analyze");
    }
    service = QueryServiceFixture.on(db);
  }

  @AfterAll
  void stopTheService() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void aPageOfTheRecallOfTenThousandBoardsAndItsCsvAreMeasured() throws Exception {
    String page = "/api/materials/REEL-BIG/units?group=board&offset=5000&limit=100";
    String csv = "/api/materials/REEL-BIG/units?group=board&format=csv";
    service.get(page); // the first call of a fresh service loads its classes: not what is measured
    List<Long> pages = new ArrayList<>();
    JsonNode last = null;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = service.get(page);
      pages.add((System.nanoTime() - start) / 1_000_000);
      assertThat(response.statusCode()).isEqualTo(200);
      last = json(response);
    }
    long start = System.nanoTime();
    HttpResponse<String> file = service.get(csv, "text/csv");
    long csvMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(last.get("counts").get("boards").asInt()).isEqualTo(BOARDS);
    assertThat(last.get("counts").get("links").asInt()).isEqualTo(BOARDS * DESIGNATORS);
    assertThat(last.get("boards")).hasSize(100);
    // boards in time order: the 5001st is board 5001, with its 8 designators; every 50th failed
    JsonNode first = last.get("boards").get(0);
    assertThat(first.get("unit").asText()).isEqualTo("SN-S-005001");
    assertThat(first.get("exactLinks").asInt()).isEqualTo(DESIGNATORS);
    assertThat(first.get("verdict").get("verdict").asText()).isEqualTo("passed");
    assertThat(last.get("boards").get(49).get("unit").asText()).isEqualTo("SN-S-005050");
    assertThat(last.get("boards").get(49).get("verdict").get("verdict").asText()).isEqualTo("failed");
    assertThat(file.body().lines().count()).isEqualTo(BOARDS + 1);

    String report = "recall of a reel in " + BOARDS + " boards (" + BOARDS * DESIGNATORS + " links): page of 100 boards " + pages
        + " ms (best " + pages.stream().min(Long::compare).orElseThrow() + "), CSV of every board " + csvMillis + " ms\n";
    Files.writeString(Paths.get("target", "recall-timings.txt"), report);
    LOG.info(report);
    assertThat(pages.stream().min(Long::compare).orElseThrow()).isLessThan(10_000L);
  }
}
