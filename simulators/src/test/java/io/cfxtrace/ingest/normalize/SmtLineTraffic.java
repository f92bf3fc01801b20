package io.cfxtrace.ingest.normalize;

import io.cfxtrace.model.CfxEnvelope;
import java.util.List;

/**
 * the ingest tests' simulated SMT line ({@link SmtLine}, package-private there) as traffic for
 * the record/replay tests: a panel of four boards through printer, SPI, placer (with a reel
 * splice), oven, AOI, laser marking, ICT, repair and FCT. This class lives in SmtLine's package
 * only to pass it on.
 */
public final class SmtLineTraffic {

  private SmtLineTraffic() {}

  /** every envelope of the line, in publishing order, with fresh UniqueIDs. */
  public static List<CfxEnvelope> envelopes() {
    return SmtLine.envelopes();
  }

  /** a board's serial. */
  public static String serial(int board) {
    return SmtLine.serial(board);
  }
}
