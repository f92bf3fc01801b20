package io.cfxtrace.query.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * what a typed identifier names in the store.
 *
 * @param query the identifier, trimmed.
 * @param matches every kind of thing it names, most specific first ({@code unit}, {@code key},
 *     {@code panel}, {@code reel}, {@code lot}, {@code part}, {@code workOrder}, {@code
 *     transaction}); empty when it names nothing.
 */
public record SearchResult(String query, List<Match> matches) {

  /**
   * one thing the identifier names.
   *
   * @param kind {@code unit} (a board's serial; also one typed in another letter case), {@code key}
   *     (a provisional key {@code PANEL#2}, {@code unit} the board it names now), {@code panel} (a
   *     panel or carrier with boards), {@code reel} (a material package), {@code lot} (with {@code
   *     partNumber} when the lot is of one part), {@code part} (a part number; {@code lots} its
   *     lots), {@code workOrder} or {@code transaction} ({@code units} their boards, {@code station}
   *     the transaction's).
   * @param id the stored identifier (the stored spelling for a unit found ignoring case).
   * @param unit for a key, the board it names.
   * @param partNumber for a lot of one part number, or a reel, the part.
   * @param station for a transaction, its station.
   * @param lots for a part number, its lots (at most 50).
   * @param units for a work order or a transaction, its boards (at most 50).
   */
  public record Match(
      String kind,
      String id,
      @Nullable String unit,
      @Nullable String partNumber,
      @Nullable String station,
      List<String> lots,
      List<String> units) {

    static Match of(String kind, String id) {
      return new Match(kind, id, null, null, null, List.of(), List.of());
    }
  }
}
