package io.cfxtrace.model.cfx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.ActiveRecipe;
import io.cfxtrace.model.cfx.structures.Fault;
import io.cfxtrace.model.value.CfxDuration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Heartbeat}: periodic sign of life of an endpoint, with its interval and
 * its active faults and recipes. Since CFX 1.2.
 */
public record Heartbeat(
    @WireName("CFXHandle") @Nullable String cfxHandle,
    @Nullable CfxDuration heartbeatFrequency,
    @Nullable List<Fault> activeFaults,
    @Nullable List<ActiveRecipe> activeRecipes,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Heartbeat";

  /** copies the collections, so that the record is immutable. */
  public Heartbeat {
    activeFaults = Immutables.list(activeFaults);
    activeRecipes = Immutables.list(activeRecipes);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Heartbeat(
      @Nullable String cfxHandle,
      @Nullable CfxDuration heartbeatFrequency,
      @Nullable List<Fault> activeFaults,
      @Nullable List<ActiveRecipe> activeRecipes) {
    this(cfxHandle, heartbeatFrequency, activeFaults, activeRecipes, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
