package io.cfxtrace.query.unit;

import io.cfxtrace.query.config.WorkbenchConfiguration;
import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.NotFoundException;
import io.cfxtrace.query.web.Parameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/units/{id}}: the birth certificate of a unit. */
@Controller("/api/units")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UnitController {

  private final BirthCertificateQuery query;
  private final UnitLookup lookup;
  private final WorkbenchConfiguration workbench;

  /**
   * creates the controller.
   *
   * @param query reads the certificate.
   * @param lookup finds an id typed in another letter case.
   * @param workbench the default liquidus.
   */
  public UnitController(BirthCertificateQuery query, UnitLookup lookup, WorkbenchConfiguration workbench) {
    this.query = query;
    this.lookup = lookup;
    this.workbench = workbench;
  }

  /**
   * the birth certificate of a unit.
   *
   * @param id a serial, or a provisional key such as {@code PANEL-1001#2} (URL-encoded, {@code
   *     PANEL-1001%232}), which resolves to the serial it was aliased to. Leading and trailing
   *     white space is ignored; an id the store holds only in another letter case ({@code sn-1001-1}
   *     for {@code SN-1001-1}) is found when it holds exactly one such spelling.
   * @param liquidus the liquidus of the reflow summary in °C, 50 to 450; default {@code
   *     cfx.query.workbench.liquidus} (217).
   * @return the certificate.
   * @throws NotFoundException when no row of the store names the unit, or several spellings of it
   *     differing in case (named in the message) do (404).
   * @throws BadParameterException for an id the store cannot hold (a NUL character), an empty id,
   *     or a liquidus that is not a number from 50 to 450 (400).
   */
  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  public BirthCertificate unit(@PathVariable String id, @Nullable @QueryValue String liquidus) {
    String typed = Parameters.id("id", id).strip();
    if (typed.isEmpty()) {
      throw new BadParameterException("parameter 'id' is empty: expected a serial, a panel or a provisional key such as PANEL-1001#2");
    }
    double at = liquidus(liquidus);
    Optional<BirthCertificate> found = query.find(typed, at);
    if (found.isPresent()) {
      return found.get();
    }
    List<String> spellings = lookup.ignoringCase(typed);
    if (spellings.size() == 1) {
      return query.find(spellings.get(0), at).orElseThrow(() -> notFound(typed));
    }
    if (spellings.size() > 1) {
      throw new NotFoundException("no unit '" + typed + "' in the event store; it holds these spellings of it (letter case differs): "
          + String.join(", ", spellings));
    }
    throw notFound(typed);
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("no unit '" + id + "' in the event store");
  }

  private double liquidus(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return workbench.liquidus();
    }
    String text = Parameters.text("liquidus", value).strip();
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new BadParameterException("liquidus", text, "a temperature in °C from 50 to 450");
    }
    if (!(v >= WorkbenchConfiguration.LOWEST_LIQUIDUS && v <= WorkbenchConfiguration.HIGHEST_LIQUIDUS)) {
      throw new BadParameterException("liquidus", text, "a temperature in °C from 50 to 450");
    }
    return v;
  }
}
