package io.cfxtrace.model.value;

/**
 * a CFX enumeration constant that knows its wire form.
 *
 * <p>All CFX enums are Java enums implementing this interface. Values are always carried inside
 * an {@link EnumValue}, which also holds values that this version does not know.
 */
public interface CfxEnum {

  /**
   * the member name as the SDK spells it, for example {@code PrimarySurface}.
   *
   * @return the .NET member name.
   */
  String wireName();

  /**
   * the numeric value of the .NET enum member, which the SDK also accepts on read.
   *
   * @return the member's integer value.
   */
  int code();

  /**
   * how the SDK writes this enum.
   *
   * @return the wire form; {@link WireForm#NAME} unless the enum says otherwise.
   */
  default WireForm wireForm() {
    return WireForm.NAME;
  }

  /** how an enum value is written on the wire. */
  enum WireForm {
    /** the member name as a string; 88 of the 101 CFX enums (SDK StringEnumConverter). */
    NAME,
    /** the integer value; the twelve CFX enums without a string converter. */
    NUMBER,
    /**
     * the integer value as a four-digit string, for example {@code "1100"}; SEMI E10/E58
     * ResourceState only (SDK ResourceStateConverter).
     */
    CODE_STRING
  }
}
