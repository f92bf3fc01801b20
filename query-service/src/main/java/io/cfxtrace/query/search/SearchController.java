package io.cfxtrace.query.search;

import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.Parameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /api/search?q=}: what an identifier names, for the web UI's search box. */
@Controller("/api/search")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {

  /** the longest identifier looked up. */
  static final int LONGEST = 256;

  private final SearchQuery query;

  /**
   * creates the controller.
   *
   * @param query looks identifiers up.
   */
  public SearchController(SearchQuery query) {
    this.query = query;
  }

  /**
   * what an identifier names: a board's serial (when it names nothing as typed, each stored
   * spelling that differs only in letter case is a match), a provisional key, a panel, a reel, a
   * lot, a part number, a work order or a transaction.
   *
   * @param q the identifier; white space around it is ignored.
   * @return the matches, empty when it names nothing.
   * @throws BadParameterException when {@code q} is missing, empty, longer than 256 characters or
   *     holds a NUL character (400).
   */
  @Get(produces = MediaType.APPLICATION_JSON)
  public SearchResult search(@Nullable @QueryValue String q) {
    String typed = q == null ? "" : Parameters.text("q", q).strip();
    if (typed.isEmpty()) {
      throw new BadParameterException("parameter 'q' is required: a serial, panel, reel, lot, part number, work order or transaction");
    }
    if (typed.length() > LONGEST) {
      throw new BadParameterException("q", typed, "at most " + LONGEST + " characters (no identifier in the store is longer)");
    }
    return query.find(typed);
  }
}
