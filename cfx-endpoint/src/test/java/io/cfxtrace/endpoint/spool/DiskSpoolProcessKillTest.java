package io.cfxtrace.endpoint.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kills a real writer process ({@link SpoolKillTestWriter}) in the middle of appending and checks
 * what a new process recovers.
 */
class DiskSpoolProcessKillTest {

  private static final int ACK_UNTIL = 300;
  private static final int KILL_AFTER = ACK_UNTIL + 200;

  @TempDir Path work;

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void killedWriterProcessLosesNoUnacknowledgedRecordAndKeepsTheOrder() throws Exception {
    Path dir = work.resolve("spool");
    Path stderr = work.resolve("writer.err");
    Process writer = startWriter(dir, stderr);
    long reportedAppended = 0;
    Set<Long> acknowledged = new HashSet<>();
    boolean acksDone = false;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("appended ")) {
          reportedAppended = Long.parseLong(line.substring("appended ".length()));
        } else if (line.startsWith("acknowledged ")) {
          acknowledged.add(Long.parseLong(line.substring("acknowledged ".length())));
        } else if (line.equals("acks-done")) {
          acksDone = true;
        }
        if (reportedAppended >= KILL_AFTER) {
          writer.destroyForcibly();
          break;
        }
      }
    } finally {
      writer.destroyForcibly();
      writer.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(reportedAppended)
        .as("the writer reached the kill point; its stderr: %s", Files.readString(stderr))
        .isGreaterThanOrEqualTo(KILL_AFTER);
    assertThat(acksDone).isTrue();
    long watermark = 0;
    while (acknowledged.contains(watermark + 1)) {
      watermark++;
    }
    assertThat(watermark).isEqualTo(ACK_UNTIL - SpoolKillTestWriter.LAG);
    assertThat(acknowledged).contains((long) ACK_UNTIL - 5);

    try (DiskSpool spool = DiskSpool.open(dir, SpoolKillTestWriter.OPTIONS)) {
      List<SpoolRecord> recovered = SpoolTesting.pending(spool);
      List<Long> sequences = SpoolTesting.sequences(recovered);

      assertThat(sequences).isSorted().doesNotHaveDuplicates();
      assertThat(sequences.get(0)).isEqualTo(watermark + 1);
      for (SpoolRecord r : recovered) {
        assertThat(SpoolTesting.text(r)).isEqualTo(new String(SpoolTesting.payload(r.sequence()),
            StandardCharsets.US_ASCII));
      }
      List<Long> mustSurvive = new ArrayList<>();
      for (long s = watermark + 1; s <= reportedAppended; s++) {
        if (!acknowledged.contains(s)) {
          mustSurvive.add(s);
        }
      }
      assertThat(sequences).containsAll(mustSurvive);
      long last = sequences.get(sequences.size() - 1);
      assertThat(last).isGreaterThanOrEqualTo(reportedAppended);
      assertThat(sequences).containsExactlyElementsOf(rangeClosed(watermark + 1, last));
      assertThat(spool.append(SpoolTesting.payload(last + 1)).sequence()).isEqualTo(last + 1);
    }
  }

  private static List<Long> rangeClosed(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      out.add(s);
    }
    return out;
  }

  private static Process startWriter(Path dir, Path stderr) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            SpoolKillTestWriter.class.getName(),
            dir.toString(),
            Integer.toString(ACK_UNTIL));
    builder.redirectError(stderr.toFile());
    return builder.start();
  }
}
