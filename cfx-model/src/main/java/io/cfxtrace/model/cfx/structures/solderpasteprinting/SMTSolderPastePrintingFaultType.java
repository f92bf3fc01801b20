package io.cfxtrace.model.cfx.structures.solderpasteprinting;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.SolderPastePrinting.SMTSolderPastePrintingFaultType}: the
 * SMT solder paste printing fault type values.
 *
 * <p>Written as the member name: the SDK gives it a string enum converter.
 */
public enum SMTSolderPastePrintingFaultType implements CfxEnum {
  /** {@code SqueegeeError} = 0. */
  SQUEEGEE_ERROR("SqueegeeError", 0),
  /** {@code PasteError} = 1. */
  PASTE_ERROR("PasteError", 1);

  private final String wireName;
  private final int code;

  SMTSolderPastePrintingFaultType(String wireName, int code) {
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
