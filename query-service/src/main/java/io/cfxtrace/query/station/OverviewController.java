package io.cfxtrace.query.station;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /api/overview}: a tile per station and the boards that last left the line. */
@Controller("/api/overview")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OverviewController {

  private final OverviewQuery query;

  /**
   * creates the controller.
   *
   * @param query reads the overview.
   */
  public OverviewController(OverviewQuery query) {
    this.query = query;
  }

  /**
   * every station's state, recipe, last board, open faults and first-pass yield over the last hour
   * of its activity, and the boards that most recently left the line with their verdicts.
   *
   * @return the overview.
   */
  @Get(produces = MediaType.APPLICATION_JSON)
  public Overview overview() {
    return query.find();
  }
}
