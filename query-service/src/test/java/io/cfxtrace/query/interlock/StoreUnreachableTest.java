package io.cfxtrace.query.interlock;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupResponse;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.MaterialSetupRequirement;
import io.cfxtrace.model.cfx.structures.StationSetupRequirements;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.model.cfx.structures.ValidationStatus;
import io.cfxtrace.query.store.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * what the interlocks answer while the event store cannot: {@code store-unreachable: fail-closed}
 * (the default) refuses, {@code fail-open} passes with RequestResult Warning, both saying why. The
 * store is a reader whose every read fails the way the service's pool fails when the database is
 * down ({@link StoreUnavailableException}).
 */
class StoreUnreachableTest {

  private static final InterlockRules RULES = InterlockRules.read(Path.of("interlock-rules.example.yaml"));

  /** a unit reader whose store is down. */
  private static final Interlocks.Units DOWN_STORE = key -> {
    throw new StoreUnavailableException("the event store cannot answer now", new SQLException("Connection refused", "08001"));
  };

  /** holds whose store is down: reading them fails too. */
  private static final class DownHolds extends Holds {
    DownHolds() {
      super(null, null);
    }

    @Override
    public List<Hold> activeOn(java.util.Collection<String> values) {
      throw new StoreUnavailableException("the event store cannot answer now", new SQLException("Connection refused", "08001"));
    }
  }

  private static Interlocks interlocks(Interlocks.StoreUnreachable mode) {
    return new Interlocks(RULES, DOWN_STORE, new DownHolds(), (station, position, id, lot) -> {
      throw new StoreUnavailableException("the event store cannot answer now", new SQLException("Connection refused", "08001"));
    }, mode, Clock.systemUTC());
  }

  private static final ValidateUnitsRequest UNITS =
      new ValidateUnitsRequest(List.of(), "PANEL-9", null, List.of(new BasicUnitPosition("SN-9", 1, null, null, null, null, null, null, null, null)), null);
  private static final ValidateStationSetupRequest SETUP = new ValidateStationSetupRequest(new StationSetupRequirements(null, null, "BOARD-A",
      List.of(new MaterialSetupRequirement("1-01", "RES-10K-0402", List.of(), List.of(), java.util.Map.of("MaterialPackage",
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("UniqueIdentifier", "REEL-9").put("BatchId", "LOT-9")))), List.of()));

  @Test
  void failClosedRefusesEveryUnitSayingTheStoreCannotAnswer() {
    ValidateUnitsResponse r = interlocks(Interlocks.StoreUnreachable.FAIL_CLOSED).validateUnits("Line1.ICT.ICT01", UNITS);

    assertThat(r.result().result().known()).contains(StatusResult.FAILED);
    assertThat(r.primaryResult().result().known()).contains(ValidationStatus.FAILED);
    assertThat(r.validationResults()).singleElement().satisfies(v -> {
      assertThat(v.failureCode()).isEqualTo(Interlocks.STORE_UNREACHABLE);
      assertThat(v.message()).contains("the event store cannot answer").contains("refused (store-unreachable: fail-closed)");
    });
  }

  @Test
  void failOpenPassesEveryUnitWithAWarning() {
    ValidateUnitsResponse r = interlocks(Interlocks.StoreUnreachable.FAIL_OPEN).validateUnits("Line1.ICT.ICT01", UNITS);

    assertThat(r.result().result().known()).contains(StatusResult.WARNING);
    assertThat(r.validationResults()).singleElement().satisfies(v -> {
      assertThat(v.result().known()).contains(ValidationStatus.PASSED);
      assertThat(v.message()).contains("passed unchecked (store-unreachable: fail-open)");
    });
  }

  @Test
  void aSetupIsRefusedFailClosedAndPassedFailOpen() {
    ValidateStationSetupResponse closed = interlocks(Interlocks.StoreUnreachable.FAIL_CLOSED).validateSetup("Line1.Placer.PNP01", SETUP);
    ValidateStationSetupResponse open = interlocks(Interlocks.StoreUnreachable.FAIL_OPEN).validateSetup("Line1.Placer.PNP01", SETUP);

    assertThat(closed.result().result().known()).contains(StatusResult.FAILED);
    assertThat(closed.result().resultCode()).isEqualTo(Interlocks.STORE_UNREACHABLE);
    assertThat(closed.result().message()).contains("setup refused (store-unreachable: fail-closed)");
    assertThat(open.result().result().known()).contains(StatusResult.WARNING);
    assertThat(open.result().message()).contains("setup passed unchecked (store-unreachable: fail-open)");
  }
}
