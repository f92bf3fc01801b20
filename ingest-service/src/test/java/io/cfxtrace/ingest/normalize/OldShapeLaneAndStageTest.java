package io.cfxtrace.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.ingest.testing.TestMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Lane} and {@code Stage} as the free text of early SDK 1.0 builds ({@code "Stage": "1"} in
 * WorkStage*, {@code "Lane": "LANE1"} and {@code "Stage": "STAGE2"} in a Fault; cfx-model's
 * {@code cfx/legacy} fixtures, see its INDEX.md) reach the event store with the lane and stage the
 * model reads from that text, through the unchanged projectors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class OldShapeLaneAndStageTest {

  private static final Path LEGACY = Path.of("..", "cfx-model", "src", "test", "resources", "cfx", "legacy");

  private EventStore store;

  @BeforeAll
  void openStore() {
    store = EventStore.open();
  }

  @AfterAll
  void closeStore() {
    store.close();
  }

  @BeforeEach
  void emptyStore() throws SQLException {
    store.reset();
  }

  private void storeFixture(String fileName) {
    try {
      store.store(TestMessages.decode(Files.readAllBytes(LEGACY.resolve(fileName))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void workStageEventsWithStageTextOneAreStoredAtStageOne() throws SQLException {
    storeFixture("CFX.Production.WorkStarted.v1_0.json");
    storeFixture("CFX.Production.WorkStageStarted.v1_0.json");
    storeFixture("CFX.Production.WorkStagePaused.v1_0.json");
    storeFixture("CFX.Production.WorkStageResumed.v1_0.json");
    storeFixture("CFX.Production.WorkStageCompleted.v1_0.json");

    assertThat(store.rows("select kind, reason from dead_letter")).isEmpty();
    assertThat(store.rows("select distinct event_type, stage, transaction_id from unit_event where event_type like 'stage%' order by 1"))
        .containsExactly(
            List.of("stage_completed", "stage 1", "2c24590d-39c5-4039-96a5-91900cecedfa"),
            List.of("stage_paused", "stage 1", "2c24590d-39c5-4039-96a5-91900cecedfa"),
            List.of("stage_resumed", "stage 1", "2c24590d-39c5-4039-96a5-91900cecedfa"),
            List.of("stage_started", "stage 1", "2c24590d-39c5-4039-96a5-91900cecedfa"));
    assertThat(store.column("select distinct lane from unit_event where event_type = 'work_started'")).containsExactly("1");
  }

  @Test
  void smtPlacementFaultWithLaneTextIsStoredOnLaneOneAtItsNamedStage() throws SQLException {
    storeFixture("CFX.ResourcePerformance.FaultOccurred.v1_0.json");

    assertThat(store.rows("select kind, reason from dead_letter")).isEmpty();
    assertThat(store.rows("select fault_code, details->>'lane', details->>'stage' from station_event where event_type = 'fault_occurred'"))
        .containsExactly(List.of("ERROR 3943480", "1", "STAGE2"));
  }

  @Test
  void baseFaultWithLaneTextIsStoredOnLaneOneAtItsNamedStage() throws SQLException {
    storeFixture("CFX.ResourcePerformance.FaultOccurred.v1_0-basic-fault.json");

    assertThat(store.rows("select kind, reason from dead_letter")).isEmpty();
    assertThat(store.rows("select details->>'lane', details->>'stage' from station_event where event_type = 'fault_occurred'"))
        .containsExactly(List.of("1", "STAGE2"));
  }
}
