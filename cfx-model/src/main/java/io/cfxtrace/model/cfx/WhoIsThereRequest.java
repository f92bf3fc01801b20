package io.cfxtrace.model.cfx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.SupportedTopic;
import io.cfxtrace.model.cfx.structures.SupportedTopicQueryType;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.WhoIsThereRequest}: asks every endpoint, optionally only those supporting
 * given topics, to identify itself.
 */
public record WhoIsThereRequest(
    @Nullable EnumValue<SupportedTopicQueryType> supportedTopicQueryType,
    @Nullable List<SupportedTopic> supportedTopics,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.WhoIsThereRequest";

  /** copies the collections, so that the record is immutable. */
  public WhoIsThereRequest {
    supportedTopics = Immutables.list(supportedTopics);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public WhoIsThereRequest(
      @Nullable EnumValue<SupportedTopicQueryType> supportedTopicQueryType,
      @Nullable List<SupportedTopic> supportedTopics) {
    this(supportedTopicQueryType, supportedTopics, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
