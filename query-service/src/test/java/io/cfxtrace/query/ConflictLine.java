package io.cfxtrace.query;

import static io.cfxtrace.ingest.normalize.SmtLineAccess.at;

import io.cfxtrace.ingest.normalize.SmtLineAccess;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.assembly.MaterialsInstalled;
import io.cfxtrace.model.cfx.structures.BasicInstalledComponent;
import io.cfxtrace.model.cfx.structures.BasicInstalledMaterial;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.MaterialCarrierLocation;
import io.cfxtrace.model.cfx.structures.MaterialPackage;
import io.cfxtrace.model.cfx.structures.Surface;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.ArrayList;
import java.util.List;

/**
 * the test line ({@link TestLine}: panel PANEL-1001, boards SN-1001-1..4, one transaction per
 * station and a repair of board 2) plus what a second line and a few stray boards sent, for the
 * conflict tests. Times are minutes and seconds after the shift start, as in the test line.
 *
 * <ul>
 *   <li>{@code SN-1001-1}, placed on Line 1 as {@code PANEL-1001#1} from 2:30 to 3:15, is placed
 *       on Line 2 under its serial from 2:40 to 3:30, from another R1 reel: one board in two
 *       places at once (a duplicated serial), a conflict across lines from 2:40 to 3:15;
 *   <li>{@code SN-9001} is tested on Line 1 from 50:00 to 50:40 and on Line 2 from 55:00 to 55:40:
 *       two lines, one after the other, no conflict;
 *   <li>{@code SN-9002} is tested on Line 1 from 50:00 to 51:00 and on Line 2 from 51:00 to 52:00:
 *       the windows touch, no conflict;
 *   <li>{@code SN-9003} is in Line 1's ICT from 60:00 to 61:00 and in its FCT from 60:30 to 61:30:
 *       two stations of one line at once, a conflict from 60:30 to 61:00.
 * </ul>
 */
final class ConflictLine {

  static final String LINE2_PLACER = "Line2.Placer.PNP01";
  static final String LINE1_ICT = "Line1.ICT.ICT01";
  static final String LINE2_ICT = "Line2.ICT.ICT01";
  static final String LINE1_FCT = "Line1.FCT.FCT01";
  static final String LINE2_FCT = "Line2.FCT.FCT01";

  static final String TWICE_PLACED = SmtLineAccess.serial(1);
  static final String TX_LINE2_PLACER = "2c9d1a00-0000-4000-8000-000000000201";
  static final String REEL_LINE2 = "REEL-R1-L2";
  static final String LOT_LINE2 = "LOT-R-900";

  static final String ONE_AFTER_THE_OTHER = "SN-9001";
  static final String TOUCHING = "SN-9002";
  static final String TWO_STATIONS_AT_ONCE = "SN-9003";

  private ConflictLine() {}

  static List<CfxEnvelope> envelopes() {
    List<CfxEnvelope> line = new ArrayList<>(TestLine.envelopes());
    line.add(SmtLineAccess.envelope(LINE2_PLACER, 2, 40, workStartedOnBoard(TWICE_PLACED, TX_LINE2_PLACER)));
    line.add(SmtLineAccess.envelope(LINE2_PLACER, 3, 0, new MaterialsInstalled(TX_LINE2_PLACER, List.of(new BasicInstalledMaterial(TWICE_PLACED, 1, 1.0,
        0.0, new MaterialPackage(REEL_LINE2, SmtLineAccess.PART_R1, "0402", 4000.0, null, LOT_LINE2, null, 0.0),
        new MaterialCarrierLocation(null, "FDR-10", "SLOT10", null),
        List.of(new BasicInstalledComponent("R1", null, CfxTimestamp.of(at(2, 55)), null, null, null)), List.of(), null)))));
    line.add(SmtLineAccess.workCompleted(LINE2_PLACER, 3, 30, TX_LINE2_PLACER));
    board(line, ONE_AFTER_THE_OTHER, LINE1_ICT, 50, 0, 50, 40, "9001a");
    board(line, ONE_AFTER_THE_OTHER, LINE2_ICT, 55, 0, 55, 40, "9001b");
    board(line, TOUCHING, LINE1_FCT, 50, 0, 51, 0, "9002a");
    board(line, TOUCHING, LINE2_FCT, 51, 0, 52, 0, "9002b");
    line.addAll(twoStationsAtOnce());
    return line;
  }

  /** {@code SN-9003} alone, in Line 1's ICT and FCT at once (for a store that holds the test line already). */
  static List<CfxEnvelope> twoStationsAtOnce() {
    List<CfxEnvelope> line = new ArrayList<>();
    board(line, TWO_STATIONS_AT_ONCE, LINE1_ICT, 60, 0, 61, 0, "9003a");
    board(line, TWO_STATIONS_AT_ONCE, LINE1_FCT, 60, 30, 61, 30, "9003b");
    return line;
  }

  /** the transaction id of a stray board's work: {@code 9001a} is SN-9001's first. */
  static String tx(String work) {
    return "2c9d1a00-0000-4000-8000-0000000" + work;
  }

  /** a board worked alone at a station, named by its serial, from start to end. */
  private static void board(List<CfxEnvelope> line, String serial, String station, int startMinute, int startSecond, int endMinute, int endSecond,
      String work) {
    line.add(SmtLineAccess.envelope(station, startMinute, startSecond, workStartedOnBoard(serial, tx(work))));
    line.add(SmtLineAccess.workCompleted(station, endMinute, endSecond, tx(work)));
  }

  private static WorkStarted workStartedOnBoard(String serial, String tx) {
    return new WorkStarted(serial, null, tx, 1, 1, List.of(new BasicUnitPosition(serial, 1, "CIRCUIT1", 20.0, 15.0, null, 0.0, false, false, null)),
        "BOARD-A", "1", EnumValue.of(Surface.PRIMARY_SURFACE), null);
  }
}
