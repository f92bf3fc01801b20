package io.cfxtrace.ingest.normalize;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * the ingest tests' simulated SMT line ({@link SmtLine}, package-private there) for the query
 * service's tests: this class lives in the same package only to pass it on.
 */
public final class SmtLineAccess {

  public static final String PANEL = SmtLine.PANEL;
  public static final int BOARDS = SmtLine.BOARDS;
  public static final String PRINTER = SmtLine.PRINTER;
  public static final String SPI = SmtLine.SPI;
  public static final String PLACER = SmtLine.PLACER;
  public static final String OVEN = SmtLine.OVEN;
  public static final String AOI = SmtLine.AOI;
  public static final String LASER = SmtLine.LASER;
  public static final String ICT = SmtLine.ICT;
  public static final String REPAIR = SmtLine.REPAIR;
  public static final String FCT = SmtLine.FCT;
  public static final String TX_PLACER = SmtLine.TX_PLACER;
  public static final String TX_OVEN = SmtLine.TX_OVEN;
  public static final String TX_AOI = SmtLine.TX_AOI;
  public static final String REEL_R1_A = SmtLine.REEL_R1_A;
  public static final String REEL_R1_B = SmtLine.REEL_R1_B;
  public static final String REEL_U1 = SmtLine.REEL_U1;
  public static final String LOT_R1_A = SmtLine.LOT_R1_A;
  public static final String LOT_R1_B = SmtLine.LOT_R1_B;
  public static final String LOT_U1 = SmtLine.LOT_U1;
  public static final String PART_R1 = SmtLine.PART_R1;
  public static final String PART_U1 = SmtLine.PART_U1;
  public static final String FEEDER_SLOT_R1 = SmtLine.FEEDER_SLOT_R1;
  public static final String FEEDER_SLOT_U1 = SmtLine.FEEDER_SLOT_U1;
  public static final String FIRMWARE = SmtLine.FIRMWARE;

  private SmtLineAccess() {}

  /** every envelope of the line, in publishing order. */
  public static List<CfxEnvelope> envelopes() {
    return SmtLine.envelopes();
  }

  /** a board's serial. */
  public static String serial(int board) {
    return SmtLine.serial(board);
  }

  /** the R1 resistance ICT measures on a board. */
  public static double resistance(int board) {
    return SmtLine.resistance(board);
  }

  /** a board's MAC address. */
  public static String mac(int board) {
    return SmtLine.mac(board);
  }

  /** the time of the shift start plus minutes and seconds. */
  public static OffsetDateTime at(int minutes, int seconds) {
    return SmtLine.at(minutes, seconds);
  }

  /** a station loads a package at a location (a glue syringe, a reel) without a feeder. */
  public static CfxEnvelope loaded(String station, int minutes, int seconds, String location, String packageId, String part, String lot) {
    return SmtLine.envelope(station, minutes, seconds, new io.cfxtrace.model.cfx.materials.storage.MaterialsLoaded(List.of(
        SmtLine.location(location, location, SmtLine.reel(packageId, part, lot, 100.0), "CARRIER-" + location))));
  }

  /** a station starts work on a panel whose boards it knows only by position. */
  public static CfxEnvelope workStartedOnPanel(String station, int minutes, int seconds, String panel, int boards, String tx, String recipe) {
    return SmtLine.envelope(station, minutes, seconds, new io.cfxtrace.model.cfx.production.WorkStarted(panel, null, tx, 1, boards,
        java.util.stream.IntStream.rangeClosed(1, boards).mapToObj(n -> SmtLine.position(panel, n)).toList(), recipe, "1",
        io.cfxtrace.model.value.EnumValue.of(io.cfxtrace.model.cfx.structures.Surface.PRIMARY_SURFACE), null));
  }

  /** a station completes a transaction. */
  public static CfxEnvelope workCompleted(String station, int minutes, int seconds, String tx) {
    return SmtLine.envelope(station, minutes, seconds, SmtLine.completed(tx, io.cfxtrace.model.cfx.structures.WorkResult.COMPLETED));
  }

  /** an envelope from a station at a time of the shift. */
  public static CfxEnvelope envelope(String station, int minutes, int seconds, CfxMessage body) {
    return SmtLine.envelope(station, minutes, seconds, body);
  }
}
