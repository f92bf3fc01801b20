package io.cfxtrace.ingest.store;

import java.util.Locale;
import java.util.Set;

/**
 * what a text value must be to be stored, checked before the database so that the reason names
 * the field: PostgreSQL's text cannot hold U+0000 (SQLSTATE 22P05 for the whole batch otherwise),
 * and a key column is indexed by a B-tree whose rows are at most 2704 bytes (SQLSTATE 54000,
 * "index row size exceeds btree maximum": measured with a 3,000-character serial, which stopped
 * the ingest). Keys are also held to printable characters: a line break or a control character in
 * a serial is a machine's or scanner's garbage, not an id anybody will search for.
 */
public final class StoreValues {

  /**
   * the longest key: two keys of this length in one index row (unit_alias: alias, unit_id) stay
   * under the B-tree limit even at four bytes a character.
   */
  public static final int MAX_KEY_LENGTH = 256;

  /** indexed text columns, by name in any table (see the migrations' create index statements). */
  private static final Set<String> KEYS =
      Set.of(
          "unit_id", "panel_id", "alias", "parent_id", "child_id", "transaction_id", "station", "source", "message_name", "material_package_id",
          "location_identifier", "lot", "part_number", "leading_package_id", "defect_id", "fault_id", "work_order", "manufacturer_lot_code",
          "operator_id", "reference_designator", "content_hash", "installed_unit_id");

  private StoreValues() {}

  /** a value the store refuses, with the field and the reason. */
  public static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * checks a text value bound for a column.
   *
   * @param table the table.
   * @param column the column.
   * @param value the value.
   * @throws Refused naming the field and what is wrong.
   */
  public static void check(String table, String column, String value) {
    check(table + "." + column, value, isKey(column));
  }

  /**
   * whether a column holds a key (indexed text: length and characters held to a key's rules).
   *
   * @param column the column's name.
   * @return whether it is a key.
   */
  static boolean isKey(String column) {
    return KEYS.contains(column);
  }

  /**
   * checks a text value bound for a column, named as {@code table.column} by the caller once for
   * all its rows (CopyBuffer).
   *
   * @param field {@code table.column}, or the CFX field.
   * @param value the value.
   * @param key whether the column is a key ({@link #isKey}).
   * @throws Refused naming the field and what is wrong.
   */
  static void check(String field, String value, boolean key) {
    if (key && value.length() > MAX_KEY_LENGTH) {
      throw new Refused(field + " is " + value.length() + " characters long, more than the " + MAX_KEY_LENGTH + " an identifier may have: "
          + preview(value));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        throw new Refused(field + " holds a NUL character (U+0000) at index " + i + ", which PostgreSQL text cannot store: " + preview(value));
      }
      if (key && (c < 0x20 || c == 0x7F)) {
        throw new Refused(field + " holds the control character U+" + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i
            + "; an identifier must be printable: " + preview(value));
      }
    }
  }

  /**
   * a key checked on its own (a TransactionID before it names a scope).
   *
   * @param field the CFX field, for the reason.
   * @param value the value.
   * @throws Refused naming the field and what is wrong.
   */
  public static void checkKey(String field, String value) {
    check(field, value, true);
  }

  /** the start of a value for a reason, printable. */
  private static String preview(String value) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < Math.min(40, value.length()); i++) {
      char c = value.charAt(i);
      b.append(c < 0x20 || c == 0x7F ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.append(value.length() > 40 ? "…\"" : "\"").toString();
  }
}
