package io.cfxtrace.query.unit;

import io.cfxtrace.query.store.EventStoreReader;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * finds the unit ids that differ from a typed one only in letter case, so that {@code sn-l1-000002}
 * finds {@code SN-L1-000002} when the store holds no other spelling.
 *
 * <p>The store's indexes compare ids exactly (a serial is case-sensitive to the machines that
 * print and read it), so the lookup asks for every upper/lower-case spelling of the id at once
 * ({@code = any(?)}: one index probe per spelling) rather than for {@code lower(id)}, which would
 * need an index of its own on each large table. An id with more than {@link #MAX_LETTERS} letters
 * is looked up in its typed, upper-case and lower-case spellings only.
 */
@Singleton
public class UnitLookup {

  /** up to 2^10 = 1024 spellings. */
  static final int MAX_LETTERS = 10;

  private final EventStoreReader store;

  /**
   * creates the lookup.
   *
   * @param store the event store.
   */
  public UnitLookup(EventStoreReader store) {
    this.store = store;
  }

  /**
   * the ids the store knows that equal this one ignoring case.
   *
   * @param id the id as typed.
   * @return the stored ids (unit ids, provisional keys, panels), sorted, at most 10.
   */
  public List<String> ignoringCase(String id) {
    String[] spellings = spellings(id).toArray(String[]::new);
    return store.query("select id from (select unit_id as id from unit_event where unit_id = any(?)"
            + " union select unit_id from unit_alias where unit_id = any(?) union select alias from unit_alias where alias = any(?)"
            + " union select parent_id from unit_edge where parent_id = any(?)) x order by id limit 10",
        r -> Objects.requireNonNull(r.text("id")), spellings, spellings, spellings, spellings);
  }

  /** every spelling of an id in upper and lower case letters (see the class). */
  static Set<String> spellings(String id) {
    Set<String> out = new LinkedHashSet<>(List.of(id, id.toUpperCase(Locale.ROOT), id.toLowerCase(Locale.ROOT)));
    List<Integer> letters = new ArrayList<>();
    for (int i = 0; i < id.length(); i++) {
      if (Character.toUpperCase(id.charAt(i)) != Character.toLowerCase(id.charAt(i))) {
        letters.add(i);
      }
    }
    if (letters.size() > MAX_LETTERS) {
      return out;
    }
    char[] chars = id.toCharArray();
    for (int mask = 0; mask < 1 << letters.size(); mask++) {
      for (int b = 0; b < letters.size(); b++) {
        int at = letters.get(b);
        chars[at] = (mask & 1 << b) != 0 ? Character.toUpperCase(chars[at]) : Character.toLowerCase(chars[at]);
      }
      out.add(new String(chars));
    }
    return out;
  }
}
