package io.cfxtrace.query.material;

import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.Parameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * where-used of a reel or a lot, as JSON or, with {@code Accept: text/csv} or {@code
 * ?format=csv}, as CSV.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WhereUsedController {

  /** the CSV media type. */
  public static final String TEXT_CSV = "text/csv";

  private final WhereUsedQuery query;

  /**
   * creates the controller.
   *
   * @param query finds the units.
   */
  public WhereUsedController(WhereUsedQuery query) {
    this.query = query;
  }

  /**
   * the units that contain a material package (reel).
   *
   * @param packageId the package's id.
   * @param from only links from this time on (ISO-8601 with offset), optional.
   * @param to only links before this time, optional.
   * @param format {@code json} or {@code csv}, optional (else the Accept header decides).
   * @param accept the Accept header.
   * @return the units; an unknown package has none.
   * @throws BadParameterException for a NUL character in the id, a malformed or out-of-range time,
   *     {@code from} not before {@code to}, or an unknown format (400).
   */
  @Get(uri = "/materials/{packageId}/units", produces = {MediaType.APPLICATION_JSON, TEXT_CSV})
  public HttpResponse<?> materialUnits(@PathVariable String packageId, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
      @Nullable @QueryValue String format, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
    boolean csv = csv(format, accept);
    String id = Parameters.id("packageId", packageId);
    Instant start = Parameters.time("from", from);
    Instant end = Parameters.time("to", to);
    Parameters.checkWindow(start, end);
    List<WhereUsed.Link> links = query.find(MaterialSelector.ofPackage(id, start, end));
    return answer(csv, new WhereUsed(id, null, null, start, end, links));
  }

  /**
   * the units that contain a lot.
   *
   * @param lot the lot.
   * @param partNumber only this part number's lot of that name, optional.
   * @param from only links from this time on (ISO-8601 with offset), optional.
   * @param to only links before this time, optional.
   * @param format {@code json} or {@code csv}, optional (else the Accept header decides).
   * @param accept the Accept header.
   * @return the units; an unknown lot has none.
   * @throws BadParameterException for a NUL character in the lot or part number, a malformed or
   *     out-of-range time, {@code from} not before {@code to}, or an unknown format (400).
   */
  @Get(uri = "/lots/{lot}/units", produces = {MediaType.APPLICATION_JSON, TEXT_CSV})
  public HttpResponse<?> lotUnits(@PathVariable String lot, @Nullable @QueryValue String partNumber, @Nullable @QueryValue String from,
      @Nullable @QueryValue String to, @Nullable @QueryValue String format, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
    boolean csv = csv(format, accept);
    String name = Parameters.id("lot", lot);
    Instant start = Parameters.time("from", from);
    Instant end = Parameters.time("to", to);
    Parameters.checkWindow(start, end);
    String part = partNumber == null || partNumber.isBlank() ? null : Parameters.text("partNumber", partNumber);
    List<WhereUsed.Link> links = query.find(MaterialSelector.ofLot(name, part, start, end));
    return answer(csv, new WhereUsed(null, name, part, start, end, links));
  }

  private static HttpResponse<?> answer(boolean csv, WhereUsed result) {
    if (csv) {
      return HttpResponse.ok(Csv.of(result.units())).contentType(TEXT_CSV + "; charset=utf-8");
    }
    return HttpResponse.ok(result).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** whether to answer CSV: {@code format} decides when given, else the Accept header. */
  static boolean csv(@Nullable String format, @Nullable String accept) {
    if (format != null) {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new BadParameterException("format", format, "json or csv");
      };
    }
    return accept != null && accept.toLowerCase(Locale.ROOT).contains(TEXT_CSV)
        && !accept.toLowerCase(Locale.ROOT).contains(MediaType.APPLICATION_JSON);
  }
}
