package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.Activity;
import io.cfxtrace.model.cfx.structures.Stage;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.ActivitiesExecuted}: activities the station carried out within
 * a transaction.
 */
public record ActivitiesExecuted(
    @WireName("TransactionID") @Nullable String transactionId,
    @Nullable Stage stage,
    @Nullable List<Activity> activities,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.ActivitiesExecuted";

  /** copies the collections, so that the record is immutable. */
  public ActivitiesExecuted {
    activities = Immutables.list(activities);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ActivitiesExecuted(
      @Nullable String transactionId,
      @Nullable Stage stage,
      @Nullable List<Activity> activities) {
    this(transactionId, stage, activities, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
