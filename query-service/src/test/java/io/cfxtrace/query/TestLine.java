package io.cfxtrace.query;

import io.cfxtrace.ingest.normalize.SmtLineAccess;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.OperatorActivated;
import io.cfxtrace.model.cfx.production.OperatorDeactivated;
import io.cfxtrace.model.cfx.resourceperformance.FaultCleared;
import io.cfxtrace.model.cfx.resourceperformance.FaultOccurred;
import io.cfxtrace.model.cfx.resourceperformance.StationStateChanged;
import io.cfxtrace.model.cfx.structures.ActorType;
import io.cfxtrace.model.cfx.structures.BasicFault;
import io.cfxtrace.model.cfx.structures.FaultCause;
import io.cfxtrace.model.cfx.structures.FaultSeverity;
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.ResourceState;
import io.cfxtrace.model.value.CfxDuration;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * what the query tests store: the ingest tests' SMT line ({@link SmtLineAccess}: PANEL-1001,
 * serials SN-1001-1..4, a splice on the R1 feeder), plus a second panel that only went through a
 * glue dispenser. The dispenser loaded a syringe but reports no installs, so its panel's boards
 * are linked to the syringe only by inference, and they never got serials.
 */
final class TestLine {

  static final String GLUE_STATION = "Line1.Glue.GLU01";
  static final String SYRINGE = "SYRINGE-G7";
  static final String GLUE_LOT = "LOT-G-300";
  static final String GLUE_PART = "GLUE-EPOXY-5ML";
  static final String GLUE_PANEL = "PANEL-2001";
  static final String GLUE_TX = "6c0e1f9d-aa31-4b7e-8f21-000000003001";

  static final String PLACER_OPERATOR = "BADGE-0007";
  static final String PLACER_FAULT = "FAULT-PNP-1";
  static final String PLACER_FAULT_CODE = "E-PICKUP-17";

  private TestLine() {}

  static List<CfxEnvelope> envelopes() {
    List<CfxEnvelope> line = new ArrayList<>(SmtLineAccess.envelopes());
    line.add(SmtLineAccess.loaded(GLUE_STATION, 29, 0, "NOZZLE-1", SYRINGE, GLUE_PART, GLUE_LOT));
    line.add(SmtLineAccess.workStartedOnPanel(GLUE_STATION, 30, 0, GLUE_PANEL, 2, GLUE_TX, "GLUE-DOTS"));
    line.add(SmtLineAccess.workCompleted(GLUE_STATION, 30, 40, GLUE_TX));
    return line;
  }

  /**
   * the line plus what the placer says about itself: an operator logs in at -35:00 and out at
   * 5:00; the placer goes from SBY_NoProduct to PRD_RegularWork at 2:00 and back at 3:20; a pick-up
   * fault occurs at 2:52 and is cleared at 2:54.
   */
  static List<CfxEnvelope> withStationActivity() {
    String placer = SmtLineAccess.PLACER;
    Operator operator = new Operator(PLACER_OPERATOR, EnumValue.of(ActorType.HUMAN), "Svoboda", "Petr", "petr.svoboda");
    List<CfxEnvelope> line = new ArrayList<>(envelopes());
    line.add(SmtLineAccess.envelope(placer, -35, 0, new OperatorActivated(operator)));
    line.add(SmtLineAccess.envelope(placer, 2, 0, new StationStateChanged(EnumValue.of(ResourceState.SBY_NO_PRODUCT),
        CfxDuration.of(Duration.ofMinutes(32)), EnumValue.of(ResourceState.PRD_REGULAR_WORK), null)));
    line.add(SmtLineAccess.envelope(placer, 2, 52, new FaultOccurred(new BasicFault(null, EnumValue.of(FaultCause.MECHANICAL_FAILURE),
        EnumValue.of(FaultSeverity.ERROR), PLACER_FAULT_CODE, PLACER_FAULT, 1, null, null, null, "nozzle pick-up failed", null,
        CfxTimestamp.of(SmtLineAccess.at(2, 52)), null))));
    line.add(SmtLineAccess.envelope(placer, 2, 54, new FaultCleared(PLACER_FAULT, operator)));
    line.add(SmtLineAccess.envelope(placer, 3, 20, new StationStateChanged(EnumValue.of(ResourceState.PRD_REGULAR_WORK),
        CfxDuration.of(Duration.ofSeconds(80)), EnumValue.of(ResourceState.SBY_NO_PRODUCT), null)));
    line.add(SmtLineAccess.envelope(placer, 5, 0, new OperatorDeactivated(operator)));
    return line;
  }
}
