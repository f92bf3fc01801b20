package io.cfxtrace.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * the exact JSON member name of a record component, when it is not the component name with its
 * first letter upper-cased.
 *
 * <p>Needed because the SDK's own spelling is irregular ({@code TransactionID} in WorkStarted,
 * {@code TransactionId} in UnitsInspected, {@code CFXHandle} in Heartbeat). Reading matches
 * names case-insensitively either way; this only fixes what is written.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface WireName {

  /**
   * the member name as the SDK writes it.
   *
   * @return the wire name.
   */
  String value();
}
