package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.TopicSupportType}: the topic support type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum TopicSupportType implements CfxEnum {
  /** {@code Publisher} = 0. */
  PUBLISHER("Publisher", 0),
  /** {@code Consumer} = 1. */
  CONSUMER("Consumer", 1),
  /** {@code PublisherConsumer} = 2. */
  PUBLISHER_CONSUMER("PublisherConsumer", 2);

  private final String wireName;
  private final int code;

  TopicSupportType(String wireName, int code) {
    this.wireName = wireName;
    this.code = code;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  @Override
  public int code() {
    return code;
  }
}
