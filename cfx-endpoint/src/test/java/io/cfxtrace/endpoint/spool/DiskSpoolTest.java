package io.cfxtrace.endpoint.spool;

import static io.cfxtrace.endpoint.spool.SpoolTesting.RECORD_BYTES;
import static io.cfxtrace.endpoint.spool.SpoolTesting.appendNumbered;
import static io.cfxtrace.endpoint.spool.SpoolTesting.payload;
import static io.cfxtrace.endpoint.spool.SpoolTesting.pending;
import static io.cfxtrace.endpoint.spool.SpoolTesting.segment;
import static io.cfxtrace.endpoint.spool.SpoolTesting.segmentFiles;
import static io.cfxtrace.endpoint.spool.SpoolTesting.segmentsOf;
import static io.cfxtrace.endpoint.spool.SpoolTesting.sequences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.spool.SpoolOptions.Fsync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {

  @TempDir Path dir;

  @Test
  void firstAppendGetsSequenceOne() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      SpoolRecord record = spool.append(payload(1));

      assertThat(record.sequence()).isEqualTo(1);
      assertThat(record.payload()).isEqualTo(payload(1));
    }
  }

  @Test
  void nextReturnsAppendedRecordsInAppendOrder() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      appendNumbered(spool, 5);

      List<SpoolRecord> records = pending(spool);

      assertThat(sequences(records)).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(records).extracting(SpoolTesting::text)
          .containsExactly("env-000001", "env-000002", "env-000003", "env-000004", "env-000005");
    }
  }

  @Test
  void nextOnAnEmptySpoolIsEmpty() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      assertThat(spool.next(0)).isEmpty();
      assertThat(spool.pendingCount()).isZero();
      assertThat(spool.firstPendingSequence()).isEmpty();
    }
  }

  @Test
  void nextAfterTheLastSequenceIsEmpty() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      appendNumbered(spool, 3);

      assertThat(spool.next(3)).isEmpty();
      assertThat(spool.next(Long.MAX_VALUE)).isEmpty();
    }
  }

  @Test
  void acknowledgedRecordsAreNotReturnedAgain() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      appendNumbered(spool, 4);

      spool.acknowledge(1);
      spool.acknowledge(2);

      assertThat(sequences(pending(spool))).containsExactly(3L, 4L);
      assertThat(spool.next(0)).map(SpoolRecord::sequence).contains(3L);
      assertThat(spool.pendingCount()).isEqualTo(2);
      assertThat(spool.firstPendingSequence()).hasValue(3);
    }
  }

  @Test
  void recordsAcknowledgedOutOfOrderAreSkippedByNext() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      appendNumbered(spool, 5);

      spool.acknowledge(4);
      spool.acknowledge(2);

      assertThat(sequences(pending(spool))).containsExactly(1L, 3L, 5L);
      assertThat(spool.pendingCount()).isEqualTo(3);
      assertThat(spool.firstPendingSequence()).hasValue(1);
    }
  }

  @Test
  void closingAGapAdvancesPastEveryRecordAcknowledgedAboveIt() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      appendNumbered(spool, 5);
      spool.acknowledge(3);
      spool.acknowledge(2);

      spool.acknowledge(1);

      assertThat(spool.firstPendingSequence()).hasValue(4);
      assertThat(spool.pendingCount()).isEqualTo(2);
      assertThat(sequences(pending(spool))).containsExactly(4L, 5L);
    }
  }

  @Test
  void acknowledgingTwiceChangesNothing() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      appendNumbered(spool, 4);
      spool.acknowledge(1);
      spool.acknowledge(3);

      spool.acknowledge(1);
      spool.acknowledge(3);

      assertThat(spool.pendingCount()).isEqualTo(2);
      assertThat(sequences(pending(spool))).containsExactly(2L, 4L);
    }
  }

  @Test
  void acknowledgingASequenceNeverAppendedIsRejected() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      appendNumbered(spool, 2);

      assertThatThrownBy(() -> spool.acknowledge(3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("3")
          .hasMessageContaining("never appended");
      assertThat(spool.pendingCount()).isEqualTo(2);
    }
  }

  @Test
  void appendCopiesThePayload() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      byte[] bytes = payload(1);
      spool.append(bytes);

      bytes[0] = 'X';

      assertThat(spool.next(0)).map(SpoolTesting::text).contains("env-000001");
    }
  }

  @Test
  void pendingBytesCountsTheRecordsOnDiskIncludingFraming() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults())) {
      appendNumbered(spool, 3);

      assertThat(spool.pendingBytes()).isEqualTo(3L * RECORD_BYTES);
      assertThat(Files.size(segment(dir, 1))).isEqualTo(3L * RECORD_BYTES);
    }
  }

  @Test
  void recordsTooLargeForTheCacheAreReadBackFromDiskAcrossSegments() throws IOException {
    Random random = new Random(42);
    List<byte[]> payloads = new ArrayList<>();
    SpoolOptions options = new SpoolOptions(1L << 30, 1L << 20, Fsync.FSYNC_NONE);
    try (DiskSpool spool = DiskSpool.open(dir, options)) {
      for (int i = 0; i < 12; i++) {
        byte[] p = new byte[300_000 + random.nextInt(1000)];
        random.nextBytes(p);
        payloads.add(p);
        spool.append(p);
      }

      List<SpoolRecord> inOrder = pending(spool);
      SpoolRecord seventh = spool.next(6).orElseThrow();
      SpoolRecord second = spool.next(1).orElseThrow();

      assertThat(segmentFiles(dir)).hasSizeGreaterThan(1);
      assertThat(inOrder).hasSize(12);
      for (int i = 0; i < 12; i++) {
        assertThat(inOrder.get(i).payload()).isEqualTo(payloads.get(i));
      }
      assertThat(seventh.payload()).isEqualTo(payloads.get(6));
      assertThat(second.payload()).isEqualTo(payloads.get(1));
    }
  }

  @Test
  void segmentsRollWhenTheNextRecordWouldExceedSegmentBytes() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH))) {
      appendNumbered(spool, 7);

      assertThat(segmentFiles(dir))
          .containsExactly(
              "spool-00000000000000000001.seg",
              "spool-00000000000000000004.seg",
              "spool-00000000000000000007.seg");
      assertThat(Files.size(segment(dir, 1))).isEqualTo(3L * RECORD_BYTES);
      assertThat(sequences(pending(spool))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }
  }

  @Test
  void aRecordLargerThanSegmentBytesGetsASegmentOfItsOwn() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, new SpoolOptions(10_000, 100, Fsync.FSYNC_EACH))) {
      spool.append(payload(1));
      spool.append(new byte[500]);
      spool.append(payload(3));

      assertThat(segmentFiles(dir))
          .containsExactly(
              "spool-00000000000000000001.seg",
              "spool-00000000000000000002.seg",
              "spool-00000000000000000003.seg");
      assertThat(spool.next(1).orElseThrow().payload()).hasSize(500);
    }
  }

  @Test
  void fullyAcknowledgedSegmentsAreDeleted() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH))) {
      appendNumbered(spool, 7);

      spool.acknowledge(1);
      spool.acknowledge(3);
      spool.acknowledge(2);

      assertThat(segmentFiles(dir))
          .containsExactly("spool-00000000000000000004.seg", "spool-00000000000000000007.seg");
      assertThat(spool.pendingBytes()).isEqualTo(4L * RECORD_BYTES);
    }
  }

  @Test
  void aPartlyAcknowledgedSegmentIsKept() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH))) {
      appendNumbered(spool, 7);

      spool.acknowledge(1);
      spool.acknowledge(2);
      spool.acknowledge(4);

      assertThat(segmentFiles(dir)).hasSize(3);
    }
  }

  @Test
  void theSegmentBeingAppendedToIsKeptUntilTheNextRollEvenWhenFullyAcknowledged()
      throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH))) {
      appendNumbered(spool, 2);
      spool.acknowledge(1);
      spool.acknowledge(2);

      assertThat(segmentFiles(dir)).containsExactly("spool-00000000000000000001.seg");

      spool.append(payload(3));
      spool.append(payload(4));

      assertThat(segmentFiles(dir))
          .containsExactly("spool-00000000000000000001.seg", "spool-00000000000000000004.seg");
      spool.acknowledge(3);
      assertThat(segmentFiles(dir)).containsExactly("spool-00000000000000000004.seg");
    }
  }

  @Test
  void closingAFullyAcknowledgedSpoolDeletesEverySegment() throws IOException {
    DiskSpool spool = DiskSpool.open(dir, segmentsOf(3, Fsync.FSYNC_EACH));
    appendNumbered(spool, 5);
    for (long s = 1; s <= 5; s++) {
      spool.acknowledge(s);
    }

    spool.close();

    assertThat(segmentFiles(dir)).isEmpty();
  }

  @Test
  void appendBeyondMaxBytesThrowsSpoolFullExceptionNamingTheLimit() throws IOException {
    long maxBytes = 4L * RECORD_BYTES;
    try (DiskSpool spool =
        DiskSpool.open(dir, new SpoolOptions(maxBytes, 2L * RECORD_BYTES, Fsync.FSYNC_EACH))) {
      appendNumbered(spool, 4);

      assertThatThrownBy(() -> spool.append(payload(5)))
          .isInstanceOfSatisfying(
              SpoolFullException.class,
              e -> {
                assertThat(e.maxBytes()).isEqualTo(maxBytes);
                assertThat(e.usedBytes()).isEqualTo(maxBytes);
                assertThat(e.recordBytes()).isEqualTo(RECORD_BYTES);
              })
          .hasMessageContaining("maxBytes=" + maxBytes);
      assertThat(spool.pendingCount()).isEqualTo(4);
      assertThat(spool.next(4)).isEmpty();
    }
  }

  @Test
  void acknowledgingAWholeSegmentReclaimsSpaceForFurtherAppends() throws IOException {
    long maxBytes = 4L * RECORD_BYTES;
    try (DiskSpool spool =
        DiskSpool.open(dir, new SpoolOptions(maxBytes, 2L * RECORD_BYTES, Fsync.FSYNC_EACH))) {
      appendNumbered(spool, 4);
      spool.acknowledge(1);
      assertThatThrownBy(() -> spool.append(payload(5))).isInstanceOf(SpoolFullException.class);

      spool.acknowledge(2);
      SpoolRecord fifth = spool.append(payload(5));

      assertThat(fifth.sequence()).isEqualTo(5);
      assertThat(sequences(pending(spool))).containsExactly(3L, 4L, 5L);
      assertThat(spool.pendingBytes()).isEqualTo(3L * RECORD_BYTES);
    }
  }

  @Test
  void aFullyAcknowledgedActiveSegmentIsReclaimedWhenTheSpoolIsFull() throws IOException {
    long maxBytes = 2L * RECORD_BYTES;
    try (DiskSpool spool =
        DiskSpool.open(dir, new SpoolOptions(maxBytes, maxBytes, Fsync.FSYNC_EACH))) {
      appendNumbered(spool, 2);
      spool.acknowledge(1);
      spool.acknowledge(2);

      SpoolRecord third = spool.append(payload(3));

      assertThat(third.sequence()).isEqualTo(3);
      assertThat(segmentFiles(dir)).containsExactly("spool-00000000000000000003.seg");
    }
  }

  @Test
  void aRecordLargerThanMaxBytesIsRejectedAsNeverFitting() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, new SpoolOptions(100, 100, Fsync.FSYNC_EACH))) {
      assertThatThrownBy(() -> spool.append(new byte[100]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maxBytes=100");
      assertThat(spool.pendingCount()).isZero();
    }
  }

  @Test
  void secondOpenOfAnOpenDirectoryFailsWithALockedMessage() throws IOException {
    try (DiskSpool first = DiskSpool.open(dir, SpoolOptions.defaults())) {
      first.append(payload(1));

      assertThatThrownBy(() -> DiskSpool.open(dir, SpoolOptions.defaults()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("locked")
          .hasMessageContaining(dir.toString());
      assertThat(first.next(0)).isPresent();
    }
  }

  @Test
  void directoryCanBeOpenedAgainAfterClose() throws IOException {
    DiskSpool.open(dir, SpoolOptions.defaults()).close();

    try (DiskSpool again = DiskSpool.open(dir, SpoolOptions.defaults())) {
      assertThat(again.pendingCount()).isZero();
    }
  }

  @Test
  void missingDirectoriesAreCreated() throws IOException {
    Path nested = dir.resolve("a").resolve("b");

    try (DiskSpool spool = DiskSpool.open(nested, SpoolOptions.defaults())) {
      spool.append(payload(1));
    }

    assertThat(nested.resolve("ack.state")).exists();
  }

  @Test
  void openingARegularFileAsTheDirectoryFails() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

    assertThatThrownBy(() -> DiskSpool.open(file, SpoolOptions.defaults()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a directory");
  }

  @Test
  void closedSpoolRejectsFurtherUse() throws IOException {
    DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults());
    spool.append(payload(1));
    spool.close();

    assertThatThrownBy(() -> spool.append(payload(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> spool.next(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> spool.acknowledge(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingTwiceIsHarmless() throws IOException {
    DiskSpool spool = DiskSpool.open(dir, SpoolOptions.defaults());

    spool.close();
    spool.close();

    assertThat(spool.pendingCount()).isZero();
  }

  @Test
  void appendsAndAcknowledgementsFromManyThreadsKeepTheSpoolConsistent() throws Exception {
    int writers = 4;
    int perWriter = 250;
    int total = writers * perWriter;
    Set<Long> appended = ConcurrentHashMap.newKeySet();
    BlockingQueue<Long> toAcknowledge = new LinkedBlockingQueue<>();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    try (DiskSpool spool = DiskSpool.open(dir, segmentsOf(50, Fsync.FSYNC_NONE))) {
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        threads.add(
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < perWriter; i++) {
                      long s = spool.append(payload(i)).sequence();
                      appended.add(s);
                      toAcknowledge.add(s);
                    }
                  } catch (Throwable t) {
                    errors.add(t);
                  }
                }));
      }
      threads.add(
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < total; i++) {
                    spool.acknowledge(toAcknowledge.take());
                  }
                } catch (Throwable t) {
                  errors.add(t);
                }
              }));
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }

      assertThat(errors).isEmpty();
      assertThat(appended).hasSize(total);
      assertThat(Collections.max(appended)).isEqualTo(total);
      assertThat(spool.pendingCount()).isZero();
      assertThat(spool.firstPendingSequence()).isEmpty();
      assertThat(spool.next(0)).isEmpty();
      assertThat(segmentFiles(dir)).hasSize(1);
    }
  }
}
