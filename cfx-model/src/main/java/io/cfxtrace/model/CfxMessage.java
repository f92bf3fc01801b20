package io.cfxtrace.model;

/**
 * the body of a CFX envelope: a typed message record, or a {@link GenericMessage}.
 *
 * <p>Implementations are the closed set registered in {@link io.cfxtrace.model.registry.CfxRegistry}.
 */
public interface CfxMessage extends CfxRecord {

  /**
   * the full CFX message name, which is the .NET type name of the body.
   *
   * @return for example {@code CFX.Production.WorkStarted}; never null.
   */
  String messageName();
}
