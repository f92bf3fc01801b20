package io.cfxtrace.query.station;

import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.Parameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code GET /api/stations/{station}/timeline}: what happened at a station, in time order. */
@Controller("/api/stations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StationController {

  /** the window when {@code from} is not given: this long before {@code to}. */
  static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
  /** the limit when none is given. */
  static final int DEFAULT_LIMIT = 1000;
  /** the largest limit allowed. */
  static final int MAX_LIMIT = 10_000;

  private final StationTimelineQuery query;
  private final Clock clock = Clock.systemUTC();

  /**
   * creates the controller.
   *
   * @param query reads the timeline.
   */
  public StationController(StationTimelineQuery query) {
    this.query = query;
  }

  /**
   * the timeline of a station.
   *
   * @param station the station's CFX handle; one the store never heard of has an empty timeline
   *     (it may just have been quiet), not a 404.
   * @param from the start of the window (inclusive, ISO-8601 with offset); default 24 h before {@code to}.
   * @param to the end of the window (exclusive); default now.
   * @param limit the most entries, 1 to 10000; default 1000.
   * @return the entries, oldest first.
   * @throws BadParameterException for a malformed value (a NUL character in the station, a time that
   *     is not ISO-8601 or outside years 1 to 9999), or {@code from} not before {@code to} (400).
   */
  @Get(uri = "/{station}/timeline", produces = MediaType.APPLICATION_JSON)
  public StationTimeline timeline(@PathVariable String station, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
      @Nullable @QueryValue String limit) {
    String at = Parameters.id("station", station);
    Instant start = Parameters.time("from", from);
    Instant end = Parameters.time("to", to);
    int most = Parameters.limit("limit", limit, DEFAULT_LIMIT, MAX_LIMIT);
    if (end == null) {
      end = clock.instant();
    }
    if (start == null) {
      start = end.minus(DEFAULT_WINDOW);
    }
    Parameters.checkWindow(start, end);
    return query.find(at, start, end, most);
  }
}
