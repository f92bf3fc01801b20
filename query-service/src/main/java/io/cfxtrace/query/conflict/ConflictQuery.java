package io.cfxtrace.query.conflict;

import io.cfxtrace.query.config.QueryConfiguration;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.UnitAt;
import io.cfxtrace.query.store.WorkWindows;
import io.cfxtrace.query.web.Parameters;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * finds the conflicts ({@link ConflictRule}) whose overlap began within a range, from the unit
 * events of the range.
 *
 * <p>A conflict is listed in the range where its overlap begins, so consecutive ranges list each
 * one once. Both of its windows are open at that instant, so both hold an event within
 * {@code longest-transaction} of it (a window's first event is at most that long before its last);
 * the statement reads the unit events with a transaction from that long before {@code from} to
 * that long after {@code to} (the time index), computes each transaction's window from them
 * ({@link WorkWindows}), keeps the windows open at some point of the range, resolves each stored
 * unit key to the unit it named when the window began (the store's {@code unit_at}: a board's
 * {@code PANEL#n} rows and its serial's are one unit) and pairs each unit's windows with {@link
 * ConflictRule}. A transaction that lasts longer than {@code longest-transaction} is seen only in
 * part. The birth certificate finds a unit's transactions through {@code transaction_unit} too;
 * this listing reads {@code unit_event} only, where the ingest writes a row for every unit it
 * names in a transaction.
 */
@Singleton
public class ConflictQuery {

  private static final String SQL = "with ev as materialized (select e.unit_id, e.station, e.transaction_id, e.event_type, e.event_time"
      + " from unit_event e where e.event_time >= ? and e.event_time < ? and e.transaction_id is not null and e.station is not null),"
      + " win as (select e.station, e.transaction_id, " + WorkWindows.started("e") + " as started, " + WorkWindows.ended("e") + " as ended"
      + " from ev e group by e.station, e.transaction_id),"
      // a window can hold an overlap that begins in [from, to) only if it is open at some instant of it
      + " open as (select * from win w where w.ended >= ? and w.started < ?),"
      + " mine as (select distinct " + UnitAt.sql("m.unit_id", "w.started") + " as unit, w.station, w.transaction_id, w.started, w.ended"
      + " from (select distinct e.unit_id, e.station, e.transaction_id from ev e) m join open w on w.station = m.station and w.transaction_id = m.transaction_id)"
      + " select a.unit, " + ConflictRule.columns("a", "b") + " from mine a join mine b on b.unit = a.unit and " + ConflictRule.sql("a", "b")
      + " where " + ConflictRule.overlapFrom("a", "b") + " >= ? and " + ConflictRule.overlapFrom("a", "b") + " < ?"
      + " order by " + ConflictRule.overlapFrom("a", "b") + ", a.unit, a.started, a.station, a.transaction_id, b.station, b.transaction_id"
      + " limit ? offset ?";

  private final EventStoreReader store;
  private final Duration longestTransaction;

  /**
   * creates the query.
   *
   * @param store the event store.
   * @param config how long a transaction may last ({@code longest-transaction}).
   */
  public ConflictQuery(EventStoreReader store, QueryConfiguration config) {
    this.store = store;
    this.longestTransaction = config.longestTransaction();
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
    // the read reaches past the range by longest-transaction, but not past the times the store can compare
    Instant readFrom = from.minus(longestTransaction).isBefore(Parameters.EARLIEST) ? Parameters.EARLIEST : from.minus(longestTransaction);
    Instant readTo = to.plus(longestTransaction).isAfter(Parameters.LATEST) ? Parameters.LATEST : to.plus(longestTransaction);
    Object start = from.atOffset(ZoneOffset.UTC);
    Object end = to.atOffset(ZoneOffset.UTC);
    List<Conflict> rows = store.queryPlannedPerCall(SQL, r -> ConflictRule.read(r, Objects.requireNonNull(r.text("unit"))),
        readFrom.atOffset(ZoneOffset.UTC), readTo.atOffset(ZoneOffset.UTC), start, end, start, end, limit + 1, offset);
    boolean truncated = rows.size() > limit;
    return new ConflictList(from, to, limit, offset, truncated, truncated ? List.copyOf(rows.subList(0, limit)) : rows);
  }

}
