package io.cfxtrace.query.material;

import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.UnitAt;
import io.cfxtrace.query.unit.BoardStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * where-used grouped by board ({@code ?group=board}): a page of a recall with the counts over all
 * of its boards, without reading every link.
 *
 * <p>The boards' order and the counts need, per board, how many exact and inferred links it has
 * and its first link's time, not the links. The exact links are counted per unit key in the store
 * ({@link WhereUsedQuery#exactByKey}: 10,000 rows for a reel on 10,000 boards where the links were
 * 80,000); a key that {@code unit_alias} knows (a panel's or a reused carrier's {@code
 * <id>#<position>}) may denote another board on each trip, so only its links' times are read
 * ({@link WhereUsedQuery#exactTimes}) and resolved as {@link UnitAt} does for the links one by
 * one. The inferred links are few (one per board and transaction, where a reel has one per
 * designator) and are read whole, by the same statement as the links' answer. Then only the
 * page's boards' exact links are read ({@code unit_id = any(keys)}, the keys that named them) and
 * grouped as {@link Recall#group} groups all of them, so a page holds what the whole grouping
 * would give it. The statements run one after the other on a store that may be written
 * meanwhile: a page and its counts describe the store within the few milliseconds between them.
 */
@Singleton
public class RecallQuery {

  private final EventStoreReader store;
  private final WhereUsedQuery where;
  private final BoardStatus status;

  /**
   * creates the query.
   *
   * @param store the event store.
   * @param where finds the links.
   * @param status reads the verdicts of a page of boards.
   */
  public RecallQuery(EventStoreReader store, WhereUsedQuery where, BoardStatus status) {
    this.store = store;
    this.where = where;
    this.status = status;
  }

  /** a board's links counted, and the unit keys its exact links are stored under. */
  private static final class Tally {
    private final String unit;
    private int exact;
    private int inferred;
    private @Nullable Instant first;
    private final Set<String> keys = new LinkedHashSet<>(2);

    Tally(String unit) {
      this.unit = unit;
    }

    void exact(String key, int links, Instant time) {
      exact += links;
      keys.add(key);
      earliest(time);
    }

    void inferred(@Nullable Instant time) {
      inferred++;
      earliest(time);
    }

    private void earliest(@Nullable Instant time) {
      if (time != null && (first == null || time.isBefore(first))) {
        first = time;
      }
    }
  }

  /**
   * a page of the recall of a material.
   *
   * @param material the package or lot and the time window.
   * @param offset how many boards come before the page.
   * @param limit the most boards of the page.
   * @return the counts over all boards and the page's boards with their status.
   */
  public Recall page(MaterialSelector material, int offset, int limit) {
    // the inferred links on another connection while this one counts the exact ones
    Supplier<List<WhereUsed.Link>> inferredLater = store.beside(() -> where.inferred(material));
    Map<String, Tally> boards = new HashMap<>();
    List<WhereUsedQuery.KeyLinks> keys = where.exactByKey(material);
    List<String> aliased = new ArrayList<>();
    for (WhereUsedQuery.KeyLinks k : keys) {
      if (k.aliased()) {
        aliased.add(k.key());
      } else {
        // no alias row: the key denotes itself at any time (UnitAt)
        boards.computeIfAbsent(k.key(), Tally::new).exact(k.key(), k.links(), k.first());
      }
    }
    if (!aliased.isEmpty()) {
      String[] aliasedKeys = aliased.toArray(String[]::new);
      UnitAt units = UnitAt.of(store, aliased);
      for (WhereUsedQuery.KeyTime t : where.exactTimes(material, aliasedKeys)) {
        boards.computeIfAbsent(units.unit(t.key(), t.time()), Tally::new).exact(t.key(), 1, t.time());
      }
    }
    Map<String, List<WhereUsed.Link>> inferred = new HashMap<>();
    for (WhereUsed.Link l : inferredLater.get()) {
      boards.computeIfAbsent(l.unit(), Tally::new).inferred(l.time());
      inferred.computeIfAbsent(l.unit(), u -> new ArrayList<>()).add(l);
    }

    List<Tally> ordered = new ArrayList<>(boards.values());
    ordered.sort(Recall.order((Tally t) -> t.exact, t -> t.first, t -> t.unit));
    int exactBoards = 0;
    int exactLinks = 0;
    int inferredLinks = 0;
    for (Tally t : ordered) {
      exactBoards += t.exact > 0 ? 1 : 0;
      exactLinks += t.exact;
      inferredLinks += t.inferred;
    }
    Recall.Counts counts = new Recall.Counts(ordered.size(), exactBoards, ordered.size() - exactBoards, exactLinks + inferredLinks, exactLinks,
        inferredLinks);

    List<Tally> shown = ordered.subList(Math.min(offset, ordered.size()), Math.min(ordered.size(), offset + limit));
    List<String> shownUnits = shown.stream().map(t -> t.unit).toList();
    Supplier<Map<String, BoardStatus.Status>> statusLater = store.beside(() -> status.of(shownUnits));
    Set<String> page = new HashSet<>(shownUnits);
    String[] pageKeys = shown.stream().flatMap(t -> t.keys.stream()).distinct().toArray(String[]::new);
    List<WhereUsed.Link> exact = pageKeys.length == 0 ? List.of()
        : where.exact(material, pageKeys).stream().filter(l -> page.contains(l.unit())).toList();
    List<WhereUsed.Link> links = Stream.concat(exact.stream(), shownUnits.stream().flatMap(u -> inferred.getOrDefault(u, List.of()).stream()))
        .toList();
    return new Recall(material.packageId(), material.lot(), material.partNumber(), material.from(), material.to(), counts, offset, limit,
        Recall.withStatus(Recall.group(links), statusLater.get()));
  }

  /**
   * every board of the recall of a material, with its status (the CSV export): the links' answer
   * ({@link WhereUsedQuery#find}) grouped.
   *
   * @param material the package or lot and the time window.
   * @return the boards in the recall's order.
   */
  public List<Recall.Board> all(MaterialSelector material) {
    List<Recall.Board> boards = Recall.group(where.find(material));
    return Recall.withStatus(boards, status.of(boards.stream().map(Recall.Board::unit).toList()));
  }
}
