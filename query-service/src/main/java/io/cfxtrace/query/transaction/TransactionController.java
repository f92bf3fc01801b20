package io.cfxtrace.query.transaction;

import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.NotFoundException;
import io.cfxtrace.query.web.Parameters;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /api/transactions/{transactionId}}: one work transaction. */
@Controller("/api/transactions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TransactionController {

  private final TransactionQuery query;

  /**
   * creates the controller.
   *
   * @param query reads the transaction.
   */
  public TransactionController(TransactionQuery query) {
    this.query = query;
  }

  /**
   * a work transaction.
   *
   * @param transactionId the CFX TransactionID.
   * @return its station, units, events, process values and checks.
   * @throws NotFoundException when no row of the store names it (404).
   * @throws BadParameterException for an id the store cannot hold (a NUL character; 400).
   */
  @Get(uri = "/{transactionId}", produces = MediaType.APPLICATION_JSON)
  public WorkTransaction transaction(@PathVariable String transactionId) {
    return query.find(Parameters.id("transactionId", transactionId)).orElseThrow(() -> new NotFoundException("no transaction '" + transactionId + "' in the event store"));
  }
}
