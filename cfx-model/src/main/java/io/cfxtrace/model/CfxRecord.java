package io.cfxtrace.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * a CFX message or structure as an immutable record.
 *
 * <p>Every record keeps the members it did not recognise, so that a message written by a newer
 * SDK (or a vendor extension) is re-encoded with nothing lost. The codec writes them back after
 * the known members, in the order they were read.
 */
public interface CfxRecord {

  /**
   * members of the JSON object that this record's type does not declare, by their wire name; and,
   * under its own wire name, the free text an early SDK 1.0 build wrote for a member marked {@link
   * LegacyText}, whose component holds the value read from it.
   *
   * @return an unmodifiable map in wire order; empty, never null.
   */
  Map<String, JsonNode> extensions();
}
