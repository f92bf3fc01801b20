package io.cfxtrace.query.interlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.model.cfx.informationsystem.operatorvalidation.ValidateOperatorRequest;
import io.cfxtrace.model.cfx.informationsystem.operatorvalidation.ValidateOperatorResponse;
import io.cfxtrace.model.cfx.structures.MaterialSetupRequirement;
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.query.interlock.Holds.Hold;
import io.cfxtrace.query.interlock.Interlocks.Reel;
import io.cfxtrace.query.interlock.Interlocks.Verdict;
import io.cfxtrace.query.unit.BirthCertificate.RouteStep;
import io.cfxtrace.query.unit.BirthCertificateQuery.UnitRoute;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * each interlock rule on its own, from facts (a unit's route steps, the holds, a reel), against
 * the example rules file shipped with the service ({@code interlock-rules.example.yaml}).
 */
class InterlockRuleTest {

  private static final String ICT = "Line1.ICT.ICT01";
  private static final String AOI = "Line1.AOI.AOI01";
  private static final String REPAIR = "Line1.Repair.RPR01";
  private static final String PLACER = "Line1.Placer.PNP01";
  private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
  private static final Instant NOW = Instant.parse("2026-05-04T12:00:00Z");
  private static final InterlockRules RULES = InterlockRules.read(Path.of("interlock-rules.example.yaml"));
  private static final Interlocks INTERLOCKS =
      new Interlocks(RULES, null, null, (station, position, id, lot) -> new Reel(id, lot, null), Interlocks.StoreUnreachable.FAIL_CLOSED, Clock.fixed(NOW, ZoneOffset.UTC));

  /** a unit's route, built step by step in time order. */
  private static final class Route {
    private final List<RouteStep> steps = new ArrayList<>();
    private Instant t = T0;

    Route step(String station, String type, String result) {
      t = t.plusSeconds(60);
      steps.add(new RouteStep(t, station, type, "tx-" + steps.size(), null, null, result, "BOARD-A", null, "SN-1", "WO-7", null, false, null));
      return this;
    }

    Route inspected(String result) {
      return step(AOI, "work_started", null).step(AOI, "inspected", result).step(AOI, "work_completed", "Completed");
    }

    UnitRoute unit() {
      return new UnitRoute("SN-1", List.copyOf(steps));
    }
  }

  private static Hold hold(String kind, String value) {
    return new Hold(12, kind, value, null, "supplier recall 2026-17", "token-ab12cd34", "Quality", T0, null, null, null, null);
  }

  @Test
  void aBoardThatPassedAoiIsAcceptedAtIct() {
    Verdict v = INTERLOCKS.unit(ICT, new Route().inspected("Passed").unit(), List.of());

    assertThat(v.passed()).isTrue();
    assertThat(v.message()).contains("rule 'ict-after-aoi'").contains("2026-05-04.1");
  }

  @Test
  void aBoardThatFailedAoiIsRefusedAtIctNamingTheStationTheResultAndTheTime() {
    Verdict v = INTERLOCKS.unit(ICT, new Route().inspected("Failed").unit(), List.of());

    assertThat(v.passed()).isFalse();
    assertThat(v.code()).isEqualTo(Interlocks.UNREPAIRED);
    assertThat(v.message()).isEqualTo("rule 'ict-after-aoi' (rules 2026-05-04.1): AOI01 (Line1.AOI.AOI01) result Failed at 2026-05-04T08:02:00Z, no repair since");
  }

  @Test
  void aBoardRepairedAfterItsAoiFailureIsAcceptedAtIct() {
    Verdict v = INTERLOCKS.unit(ICT, new Route().inspected("Failed").step(REPAIR, "repaired", "Repaired").unit(), List.of());

    assertThat(v.passed()).as(v.message()).isTrue();
  }

  @Test
  void aBoardThatNeverReachedAoiIsRefusedByTheRoute() {
    Verdict v = INTERLOCKS.unit(ICT, new Route().step("Line1.Oven.RFL01", "work_completed", "Completed").unit(), List.of());

    assertThat(v.code()).isEqualTo(Interlocks.ROUTE);
    assertThat(v.message()).contains("no step at *.AOI.* is recorded for SN-1 (required before ICT01 (Line1.ICT.ICT01))");
  }

  @Test
  void aScrappedBoardIsRefused() {
    Verdict v = INTERLOCKS.unit(ICT, new Route().inspected("Passed").step(REPAIR, "disqualified", "DefectiveRepairNotPossible").unit(), List.of());

    assertThat(v.code()).isEqualTo(Interlocks.SCRAPPED);
    assertThat(v.message()).contains("SN-1 was disqualified (scrapped) at").contains("reason DefectiveRepairNotPossible");
  }

  @Test
  void aBoardAlreadyCompletedHereIsRefusedUnlessRepairedSince() {
    Route done = new Route().inspected("Passed").step(ICT, "work_completed", "Completed");

    assertThat(INTERLOCKS.unit(ICT, done.unit(), List.of()).code()).isEqualTo(Interlocks.COMPLETED_HERE);
    assertThat(INTERLOCKS.unit(ICT, done.step(REPAIR, "repaired", "Repaired").unit(), List.of()).passed()).isTrue();
  }

  @Test
  void aFailedTestAnywhereRefusesTheBoardUntilItPassesThereAgain() {
    Route tested = new Route().inspected("Passed").step(ICT, "tested", "Failed");

    assertThat(INTERLOCKS.unit("Line1.FCT.FCT01", tested.unit(), List.of()).code()).isEqualTo(Interlocks.UNREPAIRED);
    assertThat(INTERLOCKS.unit("Line1.FCT.FCT01", tested.step(ICT, "tested", "Passed").unit(), List.of()).passed()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"unit, SN-1", "work_order, WO-7"})
  void aHeldUnitOrWorkOrderIsRefusedEverywhereNamingTheHold(String kind, String value) {
    Verdict v = INTERLOCKS.unit("Line1.Printer.PRN01", new Route().inspected("Passed").unit(), List.of(hold(kind, value)));

    assertThat(v.code()).isEqualTo(Interlocks.HOLD);
    assertThat(v.message()).contains("hold #12 on").contains(value).contains("supplier recall 2026-17").contains("token-ab12cd34 Quality");
  }

  @Test
  void aStationWithoutARuleGetsTheDocumentedDefault() {
    Verdict v = INTERLOCKS.unit("Line1.Oven.RFL01", new Route().unit(), List.of());

    assertThat(v.passed()).isTrue();
    assertThat(v.message()).isEqualTo("no unit rule for Line1.Oven.RFL01 (rules 2026-05-04.1): passed by default");
  }

  @Test
  void theWrongPartAtAFeederLocationIsRefused() {
    Verdict v = INTERLOCKS.position(PLACER, requirement("1-01", "RES-22K-0402"), new Reel("REEL-9", "LOT-9", null),
        RULES.setupRule(PLACER, "BOARD-A").orElseThrow(), List.of());

    assertThat(v.code()).isEqualTo(Interlocks.WRONG_PART);
    assertThat(v.message()).contains("position 1-01 reel REEL-9 lot LOT-9: part RES-22K-0402 is not allowed there by rule 'chip-shooter'")
        .contains("allowed: RES-10K-0402");
  }

  @Test
  void aRecalledLotAndAnExpiredReelAreRefused() {
    var rule = RULES.setupRule(PLACER, null).orElseThrow();

    assertThat(INTERLOCKS.position(PLACER, requirement("1-01", "RES-10K-0402"), new Reel("REEL-9", "LOT-RECALLED-1", null), rule, List.of()).message())
        .contains("lot LOT-RECALLED-1 is recalled");
    Verdict expired = INTERLOCKS.position(PLACER, requirement("1-01", "RES-10K-0402"), new Reel("REEL-9", "LOT-9", NOW.minusSeconds(1)), rule, List.of());
    assertThat(expired.code()).isEqualTo(Interlocks.LOT);
    assertThat(expired.message()).contains("expired at 2026-05-04T11:59:59Z");
    assertThat(INTERLOCKS.position(PLACER, requirement("1-01", "RES-10K-0402"), new Reel("REEL-9", "LOT-9", NOW.plusSeconds(60)), rule, List.of()).passed())
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource({"lot, LOT-9", "reel, REEL-9", "part_number, RES-10K-0402"})
  void aHeldLotReelOrPartNumberStopsTheSetupWithOrWithoutARule(String kind, String value) {
    Verdict v = INTERLOCKS.position("Line1.Placer.PNP02", requirement("2-05", "RES-10K-0402"), new Reel("REEL-9", "LOT-9", null), null,
        List.of(hold(kind, value)));

    assertThat(v.code()).isEqualTo(Interlocks.HOLD);
    assertThat(v.message()).startsWith("position 2-05 reel REEL-9 lot LOT-9: hold #12 on");
  }

  @Test
  void aLotHeldForAnotherPartNumberDoesNotStopThisPart() {
    Hold other = new Hold(3, "lot", "LOT-9", "CAP-100N-0402", "bad capacitors", "anonymous", null, T0, null, null, null, null);

    assertThat(INTERLOCKS.position(PLACER, requirement("1-01", "RES-10K-0402"), new Reel("REEL-9", "LOT-9", null), null, List.of(other)).passed()).isTrue();
  }

  @Test
  void onlyQualifiedOperatorsPassAtAStationWithAnOperatorRule() {
    ValidateOperatorResponse no = INTERLOCKS.validateOperator(PLACER, new ValidateOperatorRequest(new Operator("BADGE-0099", null, null, null, null)));
    ValidateOperatorResponse yes = INTERLOCKS.validateOperator(PLACER, new ValidateOperatorRequest(new Operator("BADGE-0007", null, null, null, null)));
    ValidateOperatorResponse elsewhere = INTERLOCKS.validateOperator(AOI, new ValidateOperatorRequest(new Operator("BADGE-0099", null, null, null, null)));

    assertThat(no.result().result().known()).contains(StatusResult.FAILED);
    assertThat(no.result().resultCode()).isEqualTo(Interlocks.NOT_QUALIFIED);
    assertThat(no.result().message()).isEqualTo("BADGE-0099 is not qualified for Line1.Placer.PNP01 by rule 'placer-operators' (rules 2026-05-04.1);"
        + " qualified: BADGE-0007, OP-0001");
    assertThat(yes.result().result().known()).contains(StatusResult.SUCCESS);
    assertThat(elsewhere.result().message()).contains("no operator rule for Line1.AOI.AOI01").contains("passed by default");
  }

  @Test
  void aRulesFileWithAMisspeltKeyIsRefusedNamingTheKeyAndItsPlace() {
    assertThatThrownBy(() -> InterlockRules.parse("version: 1\nunits:\n  - station: '*.ICT.*'\n    rout: []\n", "rules.yaml"))
        .hasMessage("interlock rules rules.yaml: $.units[0] has the unknown key 'rout' (known: completed-here, name, recipe, route, scrapped, station,"
            + " unrepaired-failures)");
  }

  @Test
  void aRulesFileWithoutAVersionIsRefused() {
    assertThatThrownBy(() -> InterlockRules.parse("units: []\n", "rules.yaml")).hasMessageContaining("$.version is missing");
  }

  @Test
  void aLocationWithoutPartNumbersIsRefused() {
    assertThatThrownBy(() -> InterlockRules.parse("version: 1\nsetups:\n  - station: '*'\n    locations:\n      '1-01': []\n", "rules.yaml"))
        .hasMessage("interlock rules rules.yaml: $.setups[0].locations.1-01 lists no part number");
  }

  private static MaterialSetupRequirement requirement(String position, String part) {
    return new MaterialSetupRequirement(position, part, List.of(), List.of(), Map.of());
  }
}
