package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ComponentVisionAnalysisTest}: its members are type, vision
 * tests, images and 3 more. Since CFX 2.1.
 */
public record ComponentVisionAnalysisTest(
    @Nullable EnumValue<ComponentVisionAnalysisTestType> type,
    @Nullable List<ComponentVisionTest> visionTests,
    @Nullable List<Image> images,
    @Nullable List<Camera> cameras,
    @Nullable String algorithm,
    @Nullable String comments,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ComponentVisionAnalysisTest {
    visionTests = Immutables.list(visionTests);
    images = Immutables.list(images);
    cameras = Immutables.list(cameras);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ComponentVisionAnalysisTest(
      @Nullable EnumValue<ComponentVisionAnalysisTestType> type,
      @Nullable List<ComponentVisionTest> visionTests,
      @Nullable List<Image> images,
      @Nullable List<Camera> cameras,
      @Nullable String algorithm,
      @Nullable String comments) {
    this(type, visionTests, images, cameras, algorithm, comments, Map.of());
  }
}
