package io.cfxtrace.query.material;

import io.cfxtrace.query.unit.BoardStatus;
import io.cfxtrace.query.unit.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * where-used grouped by board ({@code ?group=board}): what a recall needs, one row per board with
 * how it contains the material, the counts by board and by link, and a page of the boards.
 *
 * @param materialPackage the package asked for, or null for a lot.
 * @param lot the lot asked for, or null for a package.
 * @param partNumber the part number the lot was restricted to, if any.
 * @param from the start of the time window (inclusive), if any.
 * @param to the end of the time window (exclusive), if any.
 * @param counts the counts over all boards, not only the page.
 * @param offset how many boards come before the page.
 * @param limit the most boards of a page.
 * @param boards the page: the boards with an exact link, then those linked by inference only, each
 *     by their first link's time, then id.
 */
public record Recall(
    @Nullable String materialPackage,
    @Nullable String lot,
    @Nullable String partNumber,
    @Nullable Instant from,
    @Nullable Instant to,
    Counts counts,
    int offset,
    int limit,
    List<Board> boards) {

  /**
   * the counts.
   *
   * @param boards boards that contain the material.
   * @param exactBoards boards with at least one exact link (a station said so).
   * @param inferredOnlyBoards boards linked by inference only.
   * @param links every link (one per board, station and designator).
   * @param exactLinks exact links.
   * @param inferredLinks inferred links.
   */
  public record Counts(int boards, int exactBoards, int inferredOnlyBoards, int links, int exactLinks, int inferredLinks) {}

  /**
   * a board that contains the material.
   *
   * @param unit the board.
   * @param link {@code exact} when a station reported at least one exact link, else {@code inferred}.
   * @param exactLinks how many exact links it has.
   * @param inferredLinks how many inferred links.
   * @param designators the reference designators of its exact links, sorted.
   * @param stations the stations of its links, sorted.
   * @param packages the material packages (reels) of its links, sorted.
   * @param lots the lots of its links, sorted.
   * @param first the time of its first link.
   * @param verdict its verdict ({@link Verdict}; the page's boards only).
   * @param lastStation where it was last seen.
   * @param lastTime when.
   * @param workOrder its work order, if any.
   */
  public record Board(
      String unit,
      String link,
      int exactLinks,
      int inferredLinks,
      List<String> designators,
      List<String> stations,
      List<String> packages,
      List<String> lots,
      @Nullable Instant first,
      @Nullable Verdict verdict,
      @Nullable String lastStation,
      @Nullable Instant lastTime,
      @Nullable String workOrder) {}

  /**
   * groups links by board.
   *
   * @param links the links, any order.
   * @return one board each, in the order of {@link Recall#boards}; without status.
   */
  static List<Board> group(List<WhereUsed.Link> links) {
    Map<String, List<WhereUsed.Link>> byUnit = new LinkedHashMap<>();
    for (WhereUsed.Link l : links) {
      byUnit.computeIfAbsent(l.unit(), u -> new ArrayList<>()).add(l);
    }
    List<Board> boards = new ArrayList<>();
    for (Map.Entry<String, List<WhereUsed.Link>> e : byUnit.entrySet()) {
      List<WhereUsed.Link> ls = e.getValue();
      int exact = (int) ls.stream().filter(l -> l.link().equals("exact")).count();
      Instant first = ls.stream().map(WhereUsed.Link::time).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
      boards.add(new Board(e.getKey(), exact > 0 ? "exact" : "inferred", exact, ls.size() - exact, sorted(ls, WhereUsed.Link::referenceDesignator),
          sorted(ls, WhereUsed.Link::station), sorted(ls, WhereUsed.Link::materialPackage), sorted(ls, WhereUsed.Link::lot), first, null, null,
          null, null));
    }
    boards.sort(order(Board::exactLinks, Board::first, Board::unit));
    return boards;
  }

  /**
   * the order of a recall's boards, as where-used lists links: the boards a station named first
   * (exact), then those linked by inference only, each by their first link's time, then id.
   *
   * @param exactLinks a board's exact links.
   * @param first its first link's time.
   * @param unit its id.
   * @param <T> what describes a board.
   * @return the order.
   */
  static <T> Comparator<T> order(ToIntFunction<T> exactLinks, Function<T, @Nullable Instant> first, Function<T, String> unit) {
    return Comparator.comparing((T b) -> exactLinks.applyAsInt(b) == 0).thenComparing(first, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(unit);
  }

  /**
   * boards with their status (verdict, last station, work order).
   *
   * @param boards the boards.
   * @param status each board's status ({@link BoardStatus#of}); a board without one is left as it is.
   * @return the boards in the same order.
   */
  static List<Board> withStatus(List<Board> boards, Map<String, BoardStatus.Status> status) {
    return boards.stream().map(b -> {
      BoardStatus.Status st = status.get(b.unit());
      return st == null ? b : new Board(b.unit(), b.link(), b.exactLinks(), b.inferredLinks(), b.designators(), b.stations(), b.packages(),
          b.lots(), b.first(), st.verdict(), st.lastStation(), st.lastTime(), st.workOrder());
    }).toList();
  }

  private static List<String> sorted(List<WhereUsed.Link> links, Function<WhereUsed.Link, @Nullable String> field) {
    TreeSet<String> values = new TreeSet<>();
    for (WhereUsed.Link l : links) {
      String v = field.apply(l);
      if (v != null) {
        values.add(v);
      }
    }
    return List.copyOf(values);
  }
}
