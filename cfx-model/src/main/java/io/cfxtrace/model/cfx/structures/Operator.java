package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Operator}: its members are operator identifier, actor type,
 * last name and 2 more.
 */
public record Operator(
    @Nullable String operatorIdentifier,
    @Nullable EnumValue<ActorType> actorType,
    @Nullable String lastName,
    @Nullable String firstName,
    @Nullable String loginName,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Operator {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Operator(
      @Nullable String operatorIdentifier,
      @Nullable EnumValue<ActorType> actorType,
      @Nullable String lastName,
      @Nullable String firstName,
      @Nullable String loginName) {
    this(operatorIdentifier, actorType, lastName, firstName, loginName, Map.of());
  }
}
