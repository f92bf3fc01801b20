package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.IdentiferUniquenessType}: the identifer uniqueness type
 * values. Since CFX 1.3.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum IdentiferUniquenessType implements CfxEnum {
  /** {@code Unkwnown} = 0. */
  UNKWNOWN("Unkwnown", 0),
  /** {@code GloballyPersistent} = 1. */
  GLOBALLY_PERSISTENT("GloballyPersistent", 1),
  /** {@code LocallyPersistent} = 2. */
  LOCALLY_PERSISTENT("LocallyPersistent", 2),
  /** {@code UnserializedLocation} = 3. */
  UNSERIALIZED_LOCATION("UnserializedLocation", 3);

  private final String wireName;
  private final int code;

  IdentiferUniquenessType(String wireName, int code) {
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
