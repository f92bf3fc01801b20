package io.cfxtrace.endpoint.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpoolRecordTest {

  @Test
  void payloadIsCopiedOnTheWayIn() {
    byte[] bytes = {1, 2, 3};
    SpoolRecord record = new SpoolRecord(1, bytes);

    bytes[0] = 9;

    assertThat(record.payload()).containsExactly(1, 2, 3);
  }

  @Test
  void payloadIsCopiedOnTheWayOut() {
    SpoolRecord record = new SpoolRecord(1, new byte[] {1, 2, 3});

    record.payload()[0] = 9;

    assertThat(record.payload()).containsExactly(1, 2, 3);
  }

  @Test
  void recordsWithEqualSequenceAndContentAreEqual() {
    assertThat(new SpoolRecord(7, new byte[] {1, 2}))
        .isEqualTo(new SpoolRecord(7, new byte[] {1, 2}))
        .hasSameHashCodeAs(new SpoolRecord(7, new byte[] {1, 2}))
        .isNotEqualTo(new SpoolRecord(8, new byte[] {1, 2}))
        .isNotEqualTo(new SpoolRecord(7, new byte[] {1, 3}));
  }

  @Test
  void sequenceBelowOneIsRejected() {
    assertThatThrownBy(() -> new SpoolRecord(0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequence");
  }

  @Test
  void toStringShowsTheSequenceAndLengthButNotThePayload() {
    assertThat(new SpoolRecord(3, new byte[] {65, 66})).hasToString("SpoolRecord[sequence=3, 2 bytes]");
  }
}
