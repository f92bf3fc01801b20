package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ActorType}: the actor type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ActorType implements CfxEnum {
  /** {@code Human} = 0. */
  HUMAN("Human", 0),
  /** {@code Robot} = 1. */
  ROBOT("Robot", 1),
  /** {@code RemoteSystem} = 2. */
  REMOTE_SYSTEM("RemoteSystem", 2);

  private final String wireName;
  private final int code;

  ActorType(String wireName, int code) {
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
