package io.cfxtrace.query;

import io.cfxtrace.ingest.normalize.SmtLineAccess;
import io.cfxtrace.model.CfxEnvelope;
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

  private TestLine() {}

  static List<CfxEnvelope> envelopes() {
    List<CfxEnvelope> line = new ArrayList<>(SmtLineAccess.envelopes());
    line.add(SmtLineAccess.loaded(GLUE_STATION, 29, 0, "NOZZLE-1", SYRINGE, GLUE_PART, GLUE_LOT));
    line.add(SmtLineAccess.workStartedOnPanel(GLUE_STATION, 30, 0, GLUE_PANEL, 2, GLUE_TX, "GLUE-DOTS"));
    line.add(SmtLineAccess.workCompleted(GLUE_STATION, 30, 40, GLUE_TX));
    return line;
  }
}
