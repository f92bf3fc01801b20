package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ResourceType}: the resource type values. Since CFX 1.7.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum ResourceType implements CfxEnum {
  /** {@code Unknown} = 0. */
  UNKNOWN("Unknown", 0),
  /** {@code Machine} = 1. */
  MACHINE("Machine", 1),
  /** {@code Shelf} = 2. */
  SHELF("Shelf", 2),
  /** {@code StorageTower} = 3. */
  STORAGE_TOWER("StorageTower", 3),
  /** {@code SetupStation} = 4. */
  SETUP_STATION("SetupStation", 4),
  /** {@code StorageRoom} = 5. */
  STORAGE_ROOM("StorageRoom", 5),
  /** {@code WaitingArea} = 6. */
  WAITING_AREA("WaitingArea", 6);

  private final String wireName;
  private final int code;

  ResourceType(String wireName, int code) {
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
