package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SupportedTopic}: its members are topic name, topic support
 * type and supported messages.
 */
public record SupportedTopic(
    @Nullable String topicName,
    @Nullable EnumValue<TopicSupportType> topicSupportType,
    @Nullable List<String> supportedMessages,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public SupportedTopic {
    supportedMessages = Immutables.list(supportedMessages);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SupportedTopic(
      @Nullable String topicName,
      @Nullable EnumValue<TopicSupportType> topicSupportType,
      @Nullable List<String> supportedMessages) {
    this(topicName, topicSupportType, supportedMessages, Map.of());
  }
}
