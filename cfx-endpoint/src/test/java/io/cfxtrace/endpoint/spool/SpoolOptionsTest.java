package io.cfxtrace.endpoint.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cfxtrace.endpoint.spool.SpoolOptions.Fsync;
import org.junit.jupiter.api.Test;

class SpoolOptionsTest {

  @Test
  void defaultsAreOneGibInSixteenMibSegmentsForcedOnEachWrite() {
    SpoolOptions options = SpoolOptions.defaults();

    assertThat(options.maxBytes()).isEqualTo(1024L * 1024 * 1024);
    assertThat(options.segmentBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(options.fsync()).isEqualTo(Fsync.FSYNC_EACH);
  }

  @Test
  void zeroMaxBytesIsRejectedNamingTheOption() {
    assertThatThrownBy(() -> new SpoolOptions(0, 1, Fsync.FSYNC_EACH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBytes");
  }

  @Test
  void negativeSegmentBytesIsRejectedNamingTheOption() {
    assertThatThrownBy(() -> new SpoolOptions(100, -1, Fsync.FSYNC_EACH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segmentBytes");
  }

  @Test
  void segmentBytesAboveMaxBytesIsRejectedNamingBothOptions() {
    assertThatThrownBy(() -> new SpoolOptions(100, 101, Fsync.FSYNC_EACH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segmentBytes")
        .hasMessageContaining("maxBytes");
  }

  @Test
  void missingFsyncPolicyIsRejectedNamingTheOption() {
    assertThatThrownBy(() -> new SpoolOptions(100, 10, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fsync");
  }

  @Test
  void withersValidateTheirResult() {
    assertThat(SpoolOptions.defaults().withMaxBytes(64L << 20).maxBytes()).isEqualTo(64L << 20);
    assertThat(SpoolOptions.defaults().withFsync(Fsync.FSYNC_NONE).fsync())
        .isEqualTo(Fsync.FSYNC_NONE);
    assertThatThrownBy(() -> SpoolOptions.defaults().withSegmentBytes(2L << 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segmentBytes");
  }
}
