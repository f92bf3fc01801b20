package io.cfxtrace.endpoint.spool;

import static io.cfxtrace.endpoint.spool.SpoolTesting.RECORD_BYTES;
import static io.cfxtrace.endpoint.spool.SpoolTesting.appendNumbered;
import static io.cfxtrace.endpoint.spool.SpoolTesting.flipByte;
import static io.cfxtrace.endpoint.spool.SpoolTesting.payload;
import static io.cfxtrace.endpoint.spool.SpoolTesting.pending;
import static io.cfxtrace.endpoint.spool.SpoolTesting.segment;
import static io.cfxtrace.endpoint.spool.SpoolTesting.segmentFiles;
import static io.cfxtrace.endpoint.spool.SpoolTesting.segmentsOf;
import static io.cfxtrace.endpoint.spool.SpoolTesting.sequences;
import static io.cfxtrace.endpoint.spool.SpoolTesting.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cfxtrace.endpoint.spool.SpoolOptions.Fsync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DiskSpoolRecoveryTest {

  private static final SpoolOptions OPTIONS = SpoolOptions.defaults();

  @TempDir Path dir;

  @Test
  void reopenAfterCloseKeepsUnacknowledgedRecordsInOrder() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH))) {
      appendNumbered(spool, 8);
      spool.acknowledge(1);
      spool.acknowledge(2);
    }

    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH))) {
      assertThat(pending(spool))
          .extracting(SpoolTesting::text)
          .containsExactly(
              "env-000003", "env-000004", "env-000005", "env-000006", "env-000007", "env-000008");
      assertThat(sequences(pending(spool))).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
      assertThat(spool.pendingCount()).isEqualTo(6);
      assertThat(spool.firstPendingSequence()).hasValue(3);
      assertThat(spool.pendingBytes()).isEqualTo(8L * RECORD_BYTES);
    }
  }

  @Test
  void reopenContinuesSequenceNumbersAfterTheLastAppended() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      appendNumbered(spool, 3);
    }

    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(spool.append(payload(4)).sequence()).isEqualTo(4);
      assertThat(sequences(pending(spool))).containsExactly(1L, 2L, 3L, 4L);
    }
  }

  @Test
  void reopenOfADrainedSpoolContinuesSequenceNumbers() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      appendNumbered(spool, 3);
      spool.acknowledge(1);
      spool.acknowledge(2);
      spool.acknowledge(3);
    }

    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(segmentFiles(dir)).isEmpty();
      assertThat(spool.next(0)).isEmpty();
      assertThat(spool.lastSequence()).isEqualTo(3);
      assertThat(spool.append(payload(4)).sequence()).isEqualTo(4);
      assertThat(segmentFiles(dir)).containsExactly("spool-00000000000000000004.seg");
    }
  }

  @Test
  void recordsAcknowledgedAboveAGapAreDeliveredAgainAfterReopen() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      appendNumbered(spool, 4);
      spool.acknowledge(1);
      spool.acknowledge(3);
    }

    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(sequences(pending(spool))).containsExactly(2L, 3L, 4L);
    }
  }

  @Test
  void abandonedSpoolLosesNoUnacknowledgedRecord() throws IOException {
    DiskSpool crashed = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_NONE));
    appendNumbered(crashed, 10);
    for (long s : new long[] {2, 1, 4, 3, 6, 8}) {
      crashed.acknowledge(s);
    }
    crashed.abandonForTest();

    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_NONE))) {
      assertThat(pending(spool))
          .extracting(SpoolTesting::text)
          .containsExactly("env-000005", "env-000006", "env-000007", "env-000008", "env-000009",
              "env-000010");
      assertThat(sequences(pending(spool))).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
      assertThat(spool.append(payload(11)).sequence()).isEqualTo(11);
      assertThat(segmentFiles(dir)).doesNotContain("spool-00000000000000000001.seg");
    }
  }

  @Test
  void abandonedDrainedSpoolReopensEmptyAndKeepsCounting() throws IOException {
    DiskSpool crashed = DiskSpool.open(dir, OPTIONS);
    appendNumbered(crashed, 2);
    crashed.acknowledge(1);
    crashed.acknowledge(2);
    crashed.abandonForTest();

    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(spool.next(0)).isEmpty();
      assertThat(segmentFiles(dir)).isEmpty();
      assertThat(spool.append(payload(3)).sequence()).isEqualTo(3);
    }
  }

  @Test
  void lastRecordCutInItsPayloadIsDroppedAndEarlierRecordsSurvive() throws IOException {
    writeAndAbandon(5);
    truncate(segment(dir, 1), 5L * RECORD_BYTES - 4);

    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(sequences(pending(spool))).containsExactly(1L, 2L, 3L, 4L);
      assertThat(Files.size(segment(dir, 1))).isEqualTo(4L * RECORD_BYTES);
      assertThat(spool.pendingBytes()).isEqualTo(4L * RECORD_BYTES);
    }
  }

  @Test
  void lastRecordCutInItsHeaderIsDroppedAndEarlierRecordsSurvive() throws IOException {
    writeAndAbandon(5);
    truncate(segment(dir, 1), 4L * RECORD_BYTES + 9);

    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(sequences(pending(spool))).containsExactly(1L, 2L, 3L, 4L);
    }
  }

  @Test
  void lastRecordWithAFlippedPayloadByteIsDroppedAndEarlierRecordsSurvive() throws IOException {
    writeAndAbandon(5);
    flipByte(segment(dir, 1), 5L * RECORD_BYTES - 1);

    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(pending(spool))
          .extracting(SpoolTesting::text)
          .containsExactly("env-000001", "env-000002", "env-000003", "env-000004");
    }
  }

  @Test
  void appendingAfterTornTailRecoveryReusesTheLostSequenceAndStaysReadable() throws IOException {
    writeAndAbandon(5);
    truncate(segment(dir, 1), 5L * RECORD_BYTES - 4);
    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(spool.append(payload(55)).sequence()).isEqualTo(5);
      spool.append(payload(6));
    }

    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(pending(spool))
          .extracting(SpoolTesting::text)
          .containsExactly(
              "env-000001", "env-000002", "env-000003", "env-000004", "env-000055", "env-000006");
    }
  }

  @Test
  void tornTailRecoveryLogsAWarningNamingTheFileAndOffset() throws IOException {
    writeAndAbandon(3);
    truncate(segment(dir, 1), 3L * RECORD_BYTES - 1);
    Logger logger = (Logger) LoggerFactory.getLogger(DiskSpool.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(appender.list)
          .filteredOn(e -> e.getLevel() == Level.WARN)
          .singleElement()
          .extracting(ILoggingEvent::getFormattedMessage)
          .asString()
          .contains(segment(dir, 1).toString())
          .contains("offset " + 2 * RECORD_BYTES);
      assertThat(spool.pendingCount()).isEqualTo(2);
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void corruptRecordFollowedByValidRecordsFailsNamingTheFileAndOffset() throws IOException {
    writeAndAbandon(5);
    flipByte(segment(dir, 1), 2L * RECORD_BYTES - 1);

    assertThatThrownBy(() -> DiskSpool.open(dir, OPTIONS))
        .isInstanceOfSatisfying(
            SpoolCorruptException.class,
            e -> {
              assertThat(e.file()).isEqualTo(segment(dir, 1));
              assertThat(e.offset()).isEqualTo(RECORD_BYTES);
            })
        .hasMessageContaining(segment(dir, 1).toString())
        .hasMessageContaining("offset " + RECORD_BYTES);
  }

  @Test
  void corruptLengthFieldFollowedByValidRecordsFailsRatherThanTruncating() throws IOException {
    writeAndAbandon(5);
    flipByte(segment(dir, 1), 2L * RECORD_BYTES + 1);

    assertThatThrownBy(() -> DiskSpool.open(dir, OPTIONS))
        .isInstanceOfSatisfying(
            SpoolCorruptException.class,
            e -> assertThat(e.offset()).isEqualTo(2L * RECORD_BYTES));
    assertThat(Files.size(segment(dir, 1))).isEqualTo(5L * RECORD_BYTES);
  }

  @Test
  void damageAfterOpenSurfacesFromNextAsUncheckedCorruption() throws IOException {
    writeAndAbandon(3);
    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      flipByte(segment(dir, 1), 2L * RECORD_BYTES - 1);

      assertThat(spool.next(0)).map(SpoolTesting::text).contains("env-000001");
      assertThatThrownBy(() -> spool.next(1))
          .isInstanceOf(UncheckedIOException.class)
          .cause()
          .isInstanceOfSatisfying(
              SpoolCorruptException.class,
              e -> assertThat(e.offset()).isEqualTo(RECORD_BYTES));
    }
  }

  @Test
  void damagedLastRecordOfAnEarlierSegmentFailsNamingTheFileAndOffset() throws IOException {
    DiskSpool crashed = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH));
    appendNumbered(crashed, 6);
    crashed.abandonForTest();
    truncate(segment(dir, 1), 3L * RECORD_BYTES - 4);

    assertThatThrownBy(() -> DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH)))
        .isInstanceOfSatisfying(
            SpoolCorruptException.class,
            e -> {
              assertThat(e.file()).isEqualTo(segment(dir, 1));
              assertThat(e.offset()).isEqualTo(2L * RECORD_BYTES);
            });
  }

  @Test
  void missingSegmentFailsAsCorrupt() throws IOException {
    DiskSpool crashed = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH));
    appendNumbered(crashed, 9);
    crashed.abandonForTest();
    Files.delete(segment(dir, 4));

    assertThatThrownBy(() -> DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH)))
        .isInstanceOfSatisfying(
            SpoolCorruptException.class, e -> assertThat(e.file()).isEqualTo(segment(dir, 7)))
        .hasMessageContaining("previous one ends at 3");
  }

  @Test
  void fullyAcknowledgedSegmentsLeftByACrashAreDeletedOnOpen(@TempDir Path backup)
      throws IOException {
    DiskSpool crashed = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH));
    appendNumbered(crashed, 7);
    for (String name : segmentFiles(dir)) {
      Files.copy(dir.resolve(name), backup.resolve(name));
    }
    for (long s = 1; s <= 6; s++) {
      crashed.acknowledge(s);
    }
    crashed.abandonForTest();
    // as if the crash came after the watermark was persisted but before the deletions
    for (String name : segmentFiles(backup)) {
      Files.copy(backup.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH))) {
      assertThat(segmentFiles(dir)).containsExactly("spool-00000000000000000007.seg");
      assertThat(sequences(pending(spool))).containsExactly(7L);
    }
  }

  @Test
  void aTornWatermarkSlotFallsBackToThePreviousWatermark() throws IOException {
    DiskSpool crashed = DiskSpool.open(dir, OPTIONS);
    appendNumbered(crashed, 3);
    crashed.acknowledge(1); // generation 1, slot at offset 512
    crashed.acknowledge(2); // generation 2, slot at offset 0
    crashed.abandonForTest();
    flipByte(dir.resolve("ack.state"), 14);

    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(sequences(pending(spool))).containsExactly(2L, 3L);
    }
  }

  @Test
  void anAckStateWithNoValidSlotFailsAsCorrupt() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      appendNumbered(spool, 2);
    }
    Files.write(dir.resolve("ack.state"), new byte[1024]);

    assertThatThrownBy(() -> DiskSpool.open(dir, OPTIONS))
        .isInstanceOfSatisfying(
            SpoolCorruptException.class,
            e -> assertThat(e.file()).isEqualTo(dir.resolve("ack.state")));
  }

  @Test
  void aMissingAckStateRedeliversEveryRecordOnDisk() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH))) {
      appendNumbered(spool, 7);
      spool.acknowledge(1);
      spool.acknowledge(2);
      spool.acknowledge(3);
    }
    Files.delete(dir.resolve("ack.state"));

    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH))) {
      assertThat(sequences(pending(spool))).containsExactly(4L, 5L, 6L, 7L);
      assertThat(spool.append(payload(8)).sequence()).isEqualTo(8);
    }
  }

  @Test
  void aSegmentLeftEmptyByACrashIsDiscarded() throws IOException {
    writeAndAbandon(2);
    Files.createFile(segment(dir, 3));

    try (DiskSpool spool = DiskSpool.open(dir, OPTIONS)) {
      assertThat(sequences(pending(spool))).containsExactly(1L, 2L);
      assertThat(spool.append(payload(3)).sequence()).isEqualTo(3);
      assertThat(sequences(pending(spool))).containsExactly(1L, 2L, 3L);
    }
  }

  /** appends {@code count} numbered records to one segment and abandons the spool. */
  private void writeAndAbandon(int count) throws IOException {
    DiskSpool spool = DiskSpool.open(dir, OPTIONS);
    appendNumbered(spool, count);
    spool.abandonForTest();
  }
}
