package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ComponentTests}: its members are decision source, optical
 * tests, pressure tests and 2 more. Since CFX 2.1.
 */
public record ComponentTests(
    @Nullable EnumValue<ComponentValidityDecisionSource> decisionSource,
    @Nullable List<ComponentOpticalTest> opticalTests,
    @Nullable List<ComponentPressureTest> pressureTests,
    @Nullable List<ComponentVisionAnalysisTest> visionAnalysisTests,
    @Nullable List<ComponentElectricalTest> electricalTests,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ComponentTests {
    opticalTests = Immutables.list(opticalTests);
    pressureTests = Immutables.list(pressureTests);
    visionAnalysisTests = Immutables.list(visionAnalysisTests);
    electricalTests = Immutables.list(electricalTests);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ComponentTests(
      @Nullable EnumValue<ComponentValidityDecisionSource> decisionSource,
      @Nullable List<ComponentOpticalTest> opticalTests,
      @Nullable List<ComponentPressureTest> pressureTests,
      @Nullable List<ComponentVisionAnalysisTest> visionAnalysisTests,
      @Nullable List<ComponentElectricalTest> electricalTests) {
    this(
        decisionSource,
        opticalTests,
        pressureTests,
        visionAnalysisTests,
        electricalTests,
        Map.of());
  }
}
