package io.cfxtrace.query.unit;

import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.Parameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;

/** {@code GET /api/units?station=&from=&to=&result=&limit=}: units by station, time window and result. */
@Controller("/api/units")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UnitSearchController {

  /** the limit when none is given. */
  static final int DEFAULT_LIMIT = 1000;
  /** the largest limit allowed. */
  static final int MAX_LIMIT = 10_000;

  private final UnitSearchQuery query;

  /**
   * creates the controller.
   *
   * @param query searches the units.
   */
  public UnitSearchController(UnitSearchQuery query) {
    this.query = query;
  }

  /**
   * the units with a unit event at a station and/or within a time window.
   *
   * @param station only units with events at this station.
   * @param from only events from this time on (ISO-8601 with offset).
   * @param to only events before this time.
   * @param result only units with an event of this result at the station (case-insensitive).
   * @param limit the most units, 1 to 10000; default 1000.
   * @return one entry per unit and station.
   * @throws BadParameterException when neither {@code station} nor both {@code from} and {@code to}
   *     are given, for a malformed value (a NUL character in text, a time that is not ISO-8601 or
   *     outside years 1 to 9999), or {@code from} not before {@code to} (400).
   */
  @Get(produces = MediaType.APPLICATION_JSON)
  public UnitSearch search(@Nullable @QueryValue String station, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
      @Nullable @QueryValue String result, @Nullable @QueryValue String limit) {
    String at = blankToNull(Parameters.text("station", station));
    Instant start = Parameters.time("from", from);
    Instant end = Parameters.time("to", to);
    int most = Parameters.limit("limit", limit, DEFAULT_LIMIT, MAX_LIMIT);
    Parameters.checkWindow(start, end);
    if (at == null) {
      if (start == null && end == null) {
        throw new BadParameterException("parameter 'station' or a time window (parameters 'from' and 'to') is required");
      }
      if (start == null || end == null) {
        throw new BadParameterException("parameter '" + (start == null ? "from" : "to") + "' is required when 'station' is not given");
      }
    }
    return query.find(at, start, end, blankToNull(Parameters.text("result", result)), most);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
