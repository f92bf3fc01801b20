package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Reading}: its members are reading identifier, time recorded,
 * reading sequence and 13 more.
 */
public record Reading(
    @Nullable String readingIdentifier,
    @Nullable CfxTimestamp timeRecorded,
    @Nullable Integer readingSequence,
    @Nullable EnumValue<TestResult> result,
    @Nullable String unitIdentifier,
    @Nullable Integer unitPositionNumber,
    @Nullable List<ComponentDesignator> components,
    @Nullable EnumValue<DataType> valueDataType,
    @Nullable String valueUnits,
    @Nullable String valueMimeType,
    @Nullable String value,
    @Nullable String binaryValue,
    @Nullable String expectedValue,
    @Nullable String expectedValueUnits,
    @Nullable String minimumAcceptableValue,
    @Nullable String maximumAcceptableValue,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Reading {
    components = Immutables.list(components);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Reading(
      @Nullable String readingIdentifier,
      @Nullable CfxTimestamp timeRecorded,
      @Nullable Integer readingSequence,
      @Nullable EnumValue<TestResult> result,
      @Nullable String unitIdentifier,
      @Nullable Integer unitPositionNumber,
      @Nullable List<ComponentDesignator> components,
      @Nullable EnumValue<DataType> valueDataType,
      @Nullable String valueUnits,
      @Nullable String valueMimeType,
      @Nullable String value,
      @Nullable String binaryValue,
      @Nullable String expectedValue,
      @Nullable String expectedValueUnits,
      @Nullable String minimumAcceptableValue,
      @Nullable String maximumAcceptableValue) {
    this(
        readingIdentifier,
        timeRecorded,
        readingSequence,
        result,
        unitIdentifier,
        unitPositionNumber,
        components,
        valueDataType,
        valueUnits,
        valueMimeType,
        value,
        binaryValue,
        expectedValue,
        expectedValueUnits,
        minimumAcceptableValue,
        maximumAcceptableValue,
        Map.of());
  }
}
