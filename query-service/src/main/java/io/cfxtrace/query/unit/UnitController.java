package io.cfxtrace.query.unit;

import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.NotFoundException;
import io.cfxtrace.query.web.Parameters;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /api/units/{id}}: the birth certificate of a unit. */
@Controller("/api/units")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UnitController {

  private final BirthCertificateQuery query;

  /**
   * creates the controller.
   *
   * @param query reads the certificate.
   */
  public UnitController(BirthCertificateQuery query) {
    this.query = query;
  }

  /**
   * the birth certificate of a unit.
   *
   * @param id a serial, or a provisional key such as {@code PANEL-1001#2} (URL-encoded, {@code
   *     PANEL-1001%232}), which resolves to the serial it was aliased to.
   * @return the certificate.
   * @throws NotFoundException when no row of the store names the unit (404).
   * @throws BadParameterException for an id the store cannot hold (a NUL character; 400).
   */
  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  public BirthCertificate unit(@PathVariable String id) {
    return query.find(Parameters.id("id", id)).orElseThrow(() -> new NotFoundException("no unit '" + id + "' in the event store"));
  }
}
