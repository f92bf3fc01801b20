package io.cfxtrace.endpoint.spool;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * the child process of {@link DiskSpoolProcessKillTest}: appends numbered records to a spool
 * forever (up to a safety limit) and reports each step on stdout; the test kills it with no
 * warning. While appending the first {@code ackUntil} records it also acknowledges, out of order
 * and lagging behind, then acknowledges one record above the watermark, prints {@code acks-done}
 * and only appends.
 *
 * <p>Protocol lines: {@code appended N}, {@code acknowledged N}, {@code acks-done}; anything else
 * on stdout (logging) is to be ignored.
 */
@SuppressForbidden
final class SpoolKillTestWriter {

  /** how far acknowledgements trail appends. */
  static final int LAG = 20;

  /** stop on our own if nobody kills us. */
  private static final int LIMIT = 20_000;

  /** the records are kept small and segments small, so the run rolls and deletes segments. */
  static final SpoolOptions OPTIONS =
      new SpoolOptions(1L << 30, 40L * SpoolTesting.RECORD_BYTES, SpoolOptions.Fsync.FSYNC_EACH);

  private SpoolKillTestWriter() {}

  /**
   * runs the writer.
   *
   * @param args the spool directory and {@code ackUntil}.
   * @throws Exception on any failure, which ends the process with a stack trace.
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int ackUntil = Integer.parseInt(args[1]);
    PrintStream out = System.out;
    DiskSpool spool = DiskSpool.open(dir, OPTIONS); // never closed: we are killed
    for (long i = 1; i <= LIMIT; i++) {
      long sequence = spool.append(SpoolTesting.payload(i)).sequence();
      if (sequence != i) {
        throw new IllegalStateException("expected sequence " + i + " but got " + sequence);
      }
      out.println("appended " + i);
      if (i <= ackUntil && i > LAG) {
        long j = i - LAG;
        if (j % 2 == 0) {
          acknowledge(spool, j, out);
          acknowledge(spool, j - 1, out);
        }
      }
      if (i == ackUntil) {
        acknowledge(spool, i - 5, out); // above the gap: held in memory only
        out.println("acks-done");
      }
      out.flush();
    }
  }

  private static void acknowledge(DiskSpool spool, long sequence, PrintStream out)
      throws Exception {
    spool.acknowledge(sequence);
    out.println("acknowledged " + sequence);
  }
}
