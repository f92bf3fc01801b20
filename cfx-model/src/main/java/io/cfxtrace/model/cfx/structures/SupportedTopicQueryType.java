package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SupportedTopicQueryType}: the supported topic query type
 * values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum SupportedTopicQueryType implements CfxEnum {
  /** {@code All} = 0. */
  ALL("All", 0),
  /** {@code Any} = 1. */
  ANY("Any", 1),
  /** {@code Ignore} = 2. */
  IGNORE("Ignore", 2);

  private final String wireName;
  private final int code;

  SupportedTopicQueryType(String wireName, int code) {
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
