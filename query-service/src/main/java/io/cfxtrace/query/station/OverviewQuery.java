package io.cfxtrace.query.station;

import io.cfxtrace.query.config.WorkbenchConfiguration;
import io.cfxtrace.query.station.Overview.RecentBoard;
import io.cfxtrace.query.station.Overview.Tile;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.UnitAt;
import io.cfxtrace.query.unit.BoardStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * reads the {@link Overview}. Every part is an index probe bounded in time, so the overview costs
 * the same on a store of a day or of years: the stations are found by a loose index scan of {@code
 * unit_event (station, ...)} and {@code station_event (station, ...)} (one probe per station), and
 * each station's figures come from its own rows in the hour (first-pass yield) or the day (open
 * faults) before its last event, which is also why "the last hour" is the last hour of the
 * station's activity, not of the server's clock.
 */
@Singleton
public class OverviewQuery {

  /** how many recent boards the overview lists. */
  static final int RECENT = 12;

  /** results that are failures (CFX TestResult, WorkResult, RepairResult, ProcessingResult names). */
  private static final String FAILED = "('failed', 'error', 'aborted', 'unabletorepair', 'scrap')";

  private static final String TILES = "with recursive ue(st) as (select min(station) from unit_event where station is not null"
      + " union all select (select min(station) from unit_event where station > ue.st) from ue where ue.st is not null),"
      + " se(st) as (select min(station) from station_event union all select (select min(station) from station_event where station > se.st)"
      + " from se where se.st is not null),"
      + " stations as (select st from ue where st is not null union select st from se where st is not null)"
      + " select s.st as station, lu.event_time as unit_time, lu.unit_id, lu.event_type as unit_event, lr.recipe as unit_recipe,"
      + " state.state_name, state.event_time as state_time, ra.state_name as activated_recipe, faults.open, fpy.units, fpy.passed, tested.fct"
      + " from stations s"
      + " left join lateral (select e.event_time, e.unit_id, e.event_type from unit_event e where e.station = s.st"
      + " order by e.event_time desc limit 1) lu on true"
      // the recipe of its last unit event that names one (WorkStarted does), within the day before
      + " left join lateral (select e.recipe from unit_event e where e.station = s.st and e.recipe is not null"
      + " and e.event_time > lu.event_time - interval '1 day' and e.event_time <= lu.event_time order by e.event_time desc limit 1) lr on true"
      + " left join lateral (select x.state_name, x.event_time from station_event x where x.station = s.st and x.event_type = 'state_changed'"
      + " order by x.event_time desc limit 1) state on true"
      // recipe_activated keeps the recipe in state_name (see StationTimelineQuery)
      + " left join lateral (select x.state_name from station_event x where x.station = s.st and x.event_type = 'recipe_activated'"
      + " order by x.event_time desc limit 1) ra on true"
      + " left join lateral (select count(*) as open from station_event f where f.station = s.st and f.event_type = 'fault_occurred'"
      + " and f.event_time > (select max(y.event_time) from station_event y where y.station = s.st) - interval '1 day'"
      + " and (f.fault_id is null or not exists (select 1 from station_event c where c.fault_id = f.fault_id and c.station = s.st"
      + " and c.event_type = 'fault_cleared' and c.event_time >= f.event_time))) faults on true"
      + " left join lateral (select count(*) as units, count(*) filter (where not failed) as passed from (select distinct on (e.unit_id) e.unit_id,"
      + " lower(e.result) in " + FAILED + " as failed from unit_event e where e.station = s.st and e.event_time > lu.event_time - interval '1 hour'"
      + " and e.event_time <= lu.event_time and e.result is not null and e.event_type in ('inspected', 'tested', 'repaired', 'processed', 'work_completed')"
      + " order by e.unit_id, e.event_time) f) fpy on true"
      // a functional tester: its last test in that hour was an FCT (UnitsTested.TestMethod)
      + " left join lateral (select exists (select 1 from unit_check c where c.transaction_id = t.transaction_id and c.check_kind = 'test'"
      + " and upper(c.method) = 'FCT') as fct from (select e.transaction_id from unit_event e where e.station = s.st and e.event_type = 'tested'"
      + " and e.event_time > lu.event_time - interval '1 hour' and e.event_time <= lu.event_time order by e.event_time desc limit 1) t) tested on true"
      + " order by s.st";

  private final EventStoreReader store;
  private final BoardStatus boards;
  private final WorkbenchConfiguration workbench;

  /**
   * creates the query.
   *
   * @param store the event store.
   * @param boards reads the recent boards' verdicts.
   * @param workbench which stations end the line.
   */
  public OverviewQuery(EventStoreReader store, BoardStatus boards, WorkbenchConfiguration workbench) {
    this.store = store;
    this.boards = boards;
    this.workbench = workbench;
  }

  private record Row(Tile tile, @Nullable String key) {}

  /**
   * the overview.
   *
   * @return the tiles and the recent boards.
   */
  public Overview find() {
    List<Row> rows = store.query(TILES, r -> {
      String station = Objects.requireNonNull(r.text("station"));
      Long units = r.whole("units");
      Long passed = r.whole("passed");
      Long open = r.whole("open");
      String event = r.text("unit_event");
      boolean fct = "t".equals(r.text("fct"));
      String recipe = r.text("unit_recipe") != null ? r.text("unit_recipe") : r.text("activated_recipe");
      int n = units == null ? 0 : units.intValue();
      int p = passed == null ? 0 : passed.intValue();
      return new Row(new Tile(station, r.text("state_name"), r.time("state_time"), recipe, r.text("unit_id"), event, r.time("unit_time"),
          event != null && !event.equals("work_completed") && !event.equals("departed"), open == null ? 0 : open.intValue(), n, p,
          n == 0 ? null : (double) p / n, workbench.finalStations().isEmpty() ? fct : workbench.isFinal(station)), r.text("unit_id"));
    });
    UnitAt at = UnitAt.of(store, rows.stream().map(Row::key).filter(Objects::nonNull).toList());
    List<Tile> tiles = rows.stream().map(row -> {
      Tile t = row.tile();
      return row.key() == null ? t : new Tile(t.station(), t.state(), t.stateSince(), t.recipe(), at.unit(row.key(), t.unitTime()), t.unitEvent(),
          t.unitTime(), t.busy(), t.openFaults(), t.units(), t.firstPass(), t.firstPassYield(), t.finalStation());
    }).toList();
    return new Overview(tiles, recent(tiles));
  }

  /** the boards whose work last completed at the final stations. */
  private List<RecentBoard> recent(List<Tile> tiles) {
    record Done(String key, String station, Instant time) {}
    List<Done> done = new ArrayList<>();
    for (Tile t : tiles) {
      if (t.finalStation()) {
        done.addAll(store.query("select unit_id, event_time from unit_event where station = ? and event_type = 'work_completed'"
                + " and event_time > (select max(event_time) from unit_event where station = ?) - interval '1 day'"
                + " order by event_time desc limit " + RECENT,
            r -> new Done(Objects.requireNonNull(r.text("unit_id")), t.station(), Objects.requireNonNull(r.time("event_time"))), t.station(),
            t.station()));
      }
    }
    UnitAt at = UnitAt.of(store, done.stream().map(Done::key).toList());
    List<Done> latest = done.stream().map(d -> new Done(at.unit(d.key(), d.time()), d.station(), d.time()))
        .sorted(Comparator.comparing(Done::time).reversed()).toList();
    List<Done> distinct = new ArrayList<>();
    for (Done d : latest) {
      if (distinct.size() < RECENT && distinct.stream().noneMatch(x -> x.key().equals(d.key()))) {
        distinct.add(d);
      }
    }
    Map<String, BoardStatus.Status> status = boards.of(distinct.stream().map(Done::key).toList());
    return distinct.stream().map(d -> new RecentBoard(d.key(), d.station(), d.time(), status.get(d.key()).verdict())).toList();
  }
}
