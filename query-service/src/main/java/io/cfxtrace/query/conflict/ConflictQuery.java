package io.cfxtrace.query.conflict;

import io.cfxtrace.query.config.QueryConfiguration;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.UnitAt;
import io.cfxtrace.query.store.WorkWindows;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * finds the conflicts ({@link ConflictRule}) whose overlap began within a range, from the unit
 * events of the range.
 *
 * <p>A conflict is listed in the range where its overlap begins, so consecutive ranges list each
 * one once. The statement reads the unit events with a transaction inside the range (a time scan:
 * the BRIN index of V1, chunk exclusion on TimescaleDB) and groups them by station and
 * transaction: each transaction's window ({@link WorkWindows}) and the unit keys it named. A
 * transaction whose work start or end is not among its events inside the range (it began before
 * {@code from} or ended after {@code to}, or its station reports no work) gets its window and keys
 * from all of its events (index by transaction). A transaction with no event inside the range that
 * spans it, begun before {@code from} and ending after {@code to}, lasts longer than the range, so
 * it is looked for only in a range shorter than {@code longest-transaction}: transactions begun
 * at most that long before {@code from} and not completed before it (an index-only scan of {@code
 * unit_event_station_tx} per station), as where-used does for a short material setup.
 *
 * <p>Each key is resolved to the unit it named (the store's {@code unit_at}: a board's {@code
 * PANEL#n} rows and its serial's are one unit): a key whose aliases all name one unit (every
 * provisional key of a panel) with one index-only probe of {@code unit_alias}, a reusable
 * carrier's key, which names a board per trip, per window at its start. Each unit's windows are
 * sorted by start, and only a unit with a window that starts before an earlier one ended is
 * paired ({@link ConflictRule}).
 *
 * <p>The cost grows with the unit events of the range: at 10 million unit events (1.2 million a
 * day) a day took 1.7 to 3.1 s and a week 13 to 17 s on two cores shared with other builds; hence
 * the limit on the range. The statement runs without JIT ({@link
 * EventStoreReader#queryHistory}). The birth certificate
 * finds a unit's transactions through {@code transaction_unit} too; this listing reads {@code
 * unit_event} only, where the ingest writes a row for every unit it names in a transaction.
 */
@Singleton
public class ConflictQuery {

  private static final String SQL = "with recursive"
      // each transaction with a unit event in the range: its window from those events, whether its
      // work start and end are among them, and the unit keys it named
      + " t as (select e.station, e.transaction_id, " + WorkWindows.started("e") + " as started, " + WorkWindows.ended("e") + " as ended,"
      + " bool_or(e.event_type = 'work_started') and bool_or(e.event_type = 'work_completed') as whole, array_agg(distinct e.unit_id) as keys"
      + " from unit_event e where e.event_time >= ? and e.event_time < ? and e.transaction_id is not null and e.station is not null"
      + " group by e.station, e.transaction_id),"
      // the stations that ever had a transaction: one index probe per station (a loose index scan)
      + " stations as ((select e.station from unit_event e where e.transaction_id is not null and e.station is not null order by e.station limit 1)"
      + " union all select (select e.station from unit_event e where e.transaction_id is not null and e.station > s.station order by e.station limit 1)"
      + " from stations s where s.station is not null),"
      // transactions whose window needs events outside the range: without their work start or end
      // inside it, and, for a range shorter than the longest transaction, those begun at most that
      // long before it and not completed before it (each lateral fenced by "offset 0" so that it
      // stays a per-row index scan)
      + " partial as (select transaction_id from t where not whole"
      + " union select e.transaction_id from stations s cross join lateral (select e.transaction_id, e.event_type from unit_event e"
      + " where e.station = s.station and e.transaction_id is not null and e.event_time >= ?::timestamptz - ?::interval and e.event_time < ? offset 0) e"
      + " where ?::timestamptz - ?::timestamptz < ?::interval and s.station is not null"
      + " group by e.transaction_id having not bool_or(e.event_type = 'work_completed')),"
      + " whole as (select u.station, u.transaction_id, " + WorkWindows.started("u") + " as started, " + WorkWindows.ended("u") + " as ended,"
      + " array_agg(distinct u.unit_id) as keys from partial p cross join lateral (select u.station, u.transaction_id, u.event_type, u.event_time,"
      + " u.unit_id from unit_event u where u.transaction_id = p.transaction_id and u.station is not null offset 0) u group by u.station, u.transaction_id),"
      // the windows open at some instant of the range (only those can hold an overlap that begins
      // in it), one row per unit key
      + " mem as (select k.key, w.station, w.transaction_id, w.started, w.ended from (select station, transaction_id, started, ended, keys from t"
      + " where not exists (select 1 from partial p where p.transaction_id = t.transaction_id)"
      + " union all select station, transaction_id, started, ended, keys from whole) w"
      + " cross join unnest(w.keys) as k(key) where w.ended >= ? and w.started < ?),"
      // the units a key names: its aliases' lowest and highest unit (none: the key itself)
      + " named as (select k.key, a.lo, a.hi from (select distinct key from mem) k"
      + " left join lateral (select min(a.unit_id) as lo, max(a.unit_id) as hi from unit_alias a where a.alias = k.key) a on true),"
      // each unit's windows in order of start; a unit is paired only if one starts before an
      // earlier one ended (a board passes its machines one after the other)
      + " mine as (select *, bool_or(" + ConflictRule.startsBeforeEnd("started", "before") + ") over (partition by unit) as overlapping from (select *, max(ended)"
      + " over (partition by unit order by started, station, transaction_id rows between unbounded preceding and 1 preceding) as before from ("
      + " select distinct case when n.lo is null then n.key when n.lo = n.hi then n.lo else " + UnitAt.sql("n.key", "m.started") + " end as unit,"
      + " m.started, m.station, m.transaction_id, m.ended from mem m join named n on n.key = m.key) d) x),"
      + " cand as (select * from mine where overlapping)"
      + " select a.unit, " + ConflictRule.columns("a", "b") + " from cand a join cand b on b.unit = a.unit and " + ConflictRule.sql("a", "b")
      + " where " + ConflictRule.overlapFrom("a", "b") + " >= ? and " + ConflictRule.overlapFrom("a", "b") + " < ?"
      + " order by " + ConflictRule.overlapFrom("a", "b") + ", a.unit, a.started, a.station, a.transaction_id, b.station, b.transaction_id"
      + " limit ? offset ?";

  private final EventStoreReader store;
  private final String longestTransaction;

  /**
   * creates the query.
   *
   * @param store the event store.
   * @param config how long a transaction may last ({@code longest-transaction}).
   */
  public ConflictQuery(EventStoreReader store, QueryConfiguration config) {
    this.store = store;
    this.longestTransaction = config.longestTransaction().toSeconds() + " seconds";
  }

  /**
   * one page of the conflicts whose overlap began in {@code [from, to)}.
   *
   * @param from the start of the range (inclusive).
   * @param to the end of the range (exclusive).
   * @param limit the most conflicts to answer.
   * @param offset how many to skip.
   * @return the page, in the order the overlaps began.
   */
  ConflictList find(Instant from, Instant to, int limit, int offset) {
    Object start = from.atOffset(ZoneOffset.UTC);
    Object end = to.atOffset(ZoneOffset.UTC);
    List<Conflict> rows = store.queryHistory(SQL, r -> ConflictRule.read(r, Objects.requireNonNull(r.text("unit"))),
        start, end, start, longestTransaction, start, end, start, longestTransaction, start, end, start, end, limit + 1, offset);
    boolean truncated = rows.size() > limit;
    return new ConflictList(from, to, limit, offset, truncated, truncated ? List.copyOf(rows.subList(0, limit)) : rows);
  }
}
