package io.cfxtrace.query.unit;

import io.cfxtrace.query.store.EventStoreReader;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * searches {@code unit_event} by station (its {@code (station, event_time)} index) and time
 * window, grouping by unit (resolved through {@code unit_alias}) and station.
 */
@Singleton
public class UnitSearchQuery {

  private static final String SEPARATOR = "\u001f";

  private static final String SQL = "select s.unit, s.station, min(s.event_time) as first_time, max(s.event_time) as last_time,"
      + " string_agg(distinct s.result, chr(31)) as results from ("
      + " select coalesce((select a.unit_id from unit_alias a where a.alias = e.unit_id order by a.event_time limit 1), e.unit_id) as unit,"
      + " e.station, e.event_time, e.result from unit_event e where e.station is not null and (?::text is null or e.station = ?::text)"
      + " and (?::timestamptz is null or e.event_time >= ?::timestamptz) and (?::timestamptz is null or e.event_time < ?::timestamptz)) s"
      + " group by s.unit, s.station having ?::text is null or bool_or(lower(s.result) = lower(?::text))"
      + " order by first_time, s.unit, s.station limit ?";

  private final EventStoreReader store;

  /**
   * creates the query.
   *
   * @param store the event store.
   */
  public UnitSearchQuery(EventStoreReader store) {
    this.store = store;
  }

  /**
   * the units with events at a station and/or in a window.
   *
   * @param station only events at this station, if given.
   * @param from only events from this time on, if given.
   * @param to only events before this time, if given.
   * @param result only units with an event of this result there (case-insensitive), if given.
   * @param limit the most units to answer.
   * @return the units, by first event.
   */
  UnitSearch find(@Nullable String station, @Nullable Instant from, @Nullable Instant to, @Nullable String result, int limit) {
    Object start = from == null ? null : from.atOffset(ZoneOffset.UTC);
    Object end = to == null ? null : to.atOffset(ZoneOffset.UTC);
    List<UnitSearch.Found> rows = store.query(SQL, r -> {
      String results = r.text("results");
      return new UnitSearch.Found(Objects.requireNonNull(r.text("unit")), Objects.requireNonNull(r.text("station")),
          Objects.requireNonNull(r.time("first_time")), Objects.requireNonNull(r.time("last_time")),
          results == null ? List.of() : Arrays.stream(results.split(SEPARATOR)).sorted().toList());
    }, station, station, start, start, end, end, result, result, limit + 1);
    boolean truncated = rows.size() > limit;
    return new UnitSearch(station, from, to, result, limit, truncated, truncated ? List.copyOf(rows.subList(0, limit)) : rows);
  }
}
