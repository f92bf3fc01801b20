package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.DataType}: the data type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum DataType implements CfxEnum {
  /** {@code String} = 0. */
  STRING("String", 0),
  /** {@code StringList} = 1. */
  STRING_LIST("StringList", 1),
  /** {@code Numeric} = 2. */
  NUMERIC("Numeric", 2),
  /** {@code Integer} = 3. */
  INTEGER("Integer", 3),
  /** {@code Boolean} = 4. */
  V_BOOLEAN("Boolean", 4),
  /** {@code Enumeration} = 5. */
  ENUMERATION("Enumeration", 5),
  /** {@code Binary} = 6. */
  BINARY("Binary", 6),
  /** {@code Guid} = 7. */
  GUID("Guid", 7);

  private final String wireName;
  private final int code;

  DataType(String wireName, int code) {
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
