package io.cfxtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** the flow budget never promises more than the heap can hold beside a large message being written (issue #13). */
class FlowBudgetSettingTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void theDefaultBudgetIsCutToAnEighthOfASmallHeap() {
    assertThat(IngestEndpoint.flowBudget(256, 256 * MIB)).isEqualTo(32 * MIB);
  }

  @Test
  void aSmallerConfiguredBudgetIsKept() {
    assertThat(IngestEndpoint.flowBudget(16, 256 * MIB)).isEqualTo(16 * MIB);
    assertThat(IngestEndpoint.flowBudget(256, 4096 * MIB)).isEqualTo(256 * MIB);
  }

  @Test
  void theBudgetIsAtLeastOneMebibyte() {
    assertThat(IngestEndpoint.flowBudget(256, 4 * MIB)).isEqualTo(MIB);
  }
}
