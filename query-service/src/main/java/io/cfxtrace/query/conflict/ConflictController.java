package io.cfxtrace.query.conflict;

import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.Parameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code GET /api/conflicts?from=&to=&limit=&offset=}: units seen in two machines at once. */
@Controller("/api/conflicts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConflictController {

  /** the range when {@code from} is not given: this long before {@code to}. */
  static final Duration DEFAULT_RANGE = Duration.ofHours(24);
  /**
   * the longest range: the query reads every unit event of the range, 1.2 million a day on the
   * benchmark's line, and a week took 13 to 17 s of the 30 s a statement may run ({@link
   * ConflictQuery}).
   */
  static final Duration LONGEST_RANGE = Duration.ofDays(7);
  /** the limit when none is given. */
  static final int DEFAULT_LIMIT = 1000;
  /** the largest limit allowed. */
  static final int MAX_LIMIT = 10_000;
  /** the largest offset allowed. */
  static final int MAX_OFFSET = 1_000_000;

  private final ConflictQuery query;
  private final Clock clock = Clock.systemUTC();

  /**
   * creates the controller.
   *
   * @param query finds the conflicts.
   */
  public ConflictController(ConflictQuery query) {
    this.query = query;
  }

  /**
   * the conflicts whose overlap began within a range: pairs of work windows of one unit at
   * different stations (two lines, or two stations of one line) that overlap in time.
   *
   * @param from the start of the range (inclusive, ISO-8601 with offset); default 24 h before {@code to}.
   * @param to the end of the range (exclusive); default now. At most 7 days after {@code from}.
   * @param limit the most conflicts, 1 to 10000; default 1000.
   * @param offset how many conflicts of the range to skip, 0 to 1000000; default 0. The next page
   *     is the same range at {@code offset + limit} (give {@code to}, or the range moves with now).
   * @return one page of conflicts, in the order their overlaps began.
   * @throws BadParameterException for a malformed value (a time that is not ISO-8601 or outside
   *     years 1 to 9999, a limit or offset out of range, a NUL character), {@code from} not before
   *     {@code to}, or a range longer than 7 days (400).
   */
  @Get(produces = MediaType.APPLICATION_JSON)
  public ConflictList conflicts(@Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String limit,
      @Nullable @QueryValue String offset) {
    Instant start = Parameters.time("from", from);
    Instant end = Parameters.time("to", to);
    int most = Parameters.limit("limit", limit, DEFAULT_LIMIT, MAX_LIMIT);
    int skip = Parameters.offset("offset", offset, MAX_OFFSET);
    if (end == null) {
      end = clock.instant();
    }
    if (start == null) {
      start = end.minus(DEFAULT_RANGE);
    }
    Parameters.checkWindow(start, end, LONGEST_RANGE);
    return query.find(start, end, most, skip);
  }
}
