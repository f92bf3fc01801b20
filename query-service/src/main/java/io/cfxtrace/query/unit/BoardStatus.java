package io.cfxtrace.query.unit;

import io.cfxtrace.query.config.WorkbenchConfiguration;
import io.cfxtrace.query.store.EventStoreReader;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * the verdict, last station and work order of many boards at once (a page of a recall, the home
 * page's recent boards): one statement reads the unit events of all of them through {@code
 * unit_keys} (an index probe of {@code unit_event} by key and time per key), where a birth
 * certificate per board would take a dozen statements each.
 */
@Singleton
public class BoardStatus {

  /** the most boards one statement reads; longer lists are read in parts. */
  static final int PART = 500;

  /**
   * a board's status.
   *
   * @param verdict its verdict ({@link Verdict}).
   * @param lastStation the station of its last unit event.
   * @param lastTime when.
   * @param workOrder its first work order, if any.
   */
  public record Status(Verdict verdict, @Nullable String lastStation, @Nullable Instant lastTime, @Nullable String workOrder) {}

  private static final String SQL = "select u.unit, e.event_time, e.station, e.event_type, e.result, e.work_order,"
      + " (e.event_type = 'tested' and exists (select 1 from unit_check c where c.transaction_id = e.transaction_id and c.station = e.station"
      + " and c.check_kind = 'test' and upper(c.method) = 'FCT')) as fct"
      + " from unnest(?::text[]) u(unit) cross join lateral unit_keys(u.unit) k"
      + " join unit_event e on e.unit_id = k.key and e.event_time >= k.lower_bound and e.event_time < k.upper_bound"
      + " order by u.unit, e.event_time";

  private record Event(String unit, Verdict.Step step, @Nullable String workOrder) {}

  private final EventStoreReader store;
  private final WorkbenchConfiguration workbench;

  /**
   * creates the reader.
   *
   * @param store the event store.
   * @param workbench which stations end the line.
   */
  public BoardStatus(EventStoreReader store, WorkbenchConfiguration workbench) {
    this.store = store;
    this.workbench = workbench;
  }

  /**
   * the status of boards.
   *
   * @param units their ids (serials, as the store resolves them).
   * @return each one's status, in the order given; a board without unit events is {@code in progress}.
   */
  public Map<String, Status> of(List<String> units) {
    List<String> distinct = units.stream().filter(Objects::nonNull).distinct().toList();
    Map<String, List<Event>> byUnit = new HashMap<>();
    for (int from = 0; from < distinct.size(); from += PART) {
      String[] part = distinct.subList(from, Math.min(distinct.size(), from + PART)).toArray(String[]::new);
      for (Event e : store.query(SQL, r -> {
        String result = r.text("result");
        boolean fct = "t".equals(r.text("fct")) && "passed".equalsIgnoreCase(result);
        return new Event(Objects.requireNonNull(r.text("unit")), new Verdict.Step(Objects.requireNonNull(r.time("event_time")), r.text("station"),
            Objects.requireNonNull(r.text("event_type")), result, fct), r.text("work_order"));
      }, (Object) part)) {
        byUnit.computeIfAbsent(e.unit(), u -> new ArrayList<>()).add(e);
      }
    }
    Map<String, Status> out = new LinkedHashMap<>();
    for (String unit : distinct) {
      List<Event> events = byUnit.getOrDefault(unit, List.of());
      Event last = events.isEmpty() ? null : events.get(events.size() - 1);
      out.put(unit, new Status(Verdict.of(events.stream().map(Event::step).toList(), workbench), last == null ? null : last.step().station(),
          last == null ? null : last.step().time(), events.stream().map(Event::workOrder).filter(Objects::nonNull).findFirst().orElse(null)));
    }
    return out;
  }
}
