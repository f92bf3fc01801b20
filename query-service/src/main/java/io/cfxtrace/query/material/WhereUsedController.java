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

  /** the boards of a page when {@code limit} is not given ({@code group=board}). */
  static final int DEFAULT_LIMIT = 100;
  /** the most boards of a page. */
  static final int MAX_LIMIT = 10_000;
  /** the most boards skipped. */
  static final int MAX_OFFSET = 1_000_000;

  private final WhereUsedQuery query;
  private final RecallQuery recall;

  /**
   * creates the controller.
   *
   * @param query finds the units.
   * @param recall groups them by board, a page at a time.
   */
  public WhereUsedController(WhereUsedQuery query, RecallQuery recall) {
    this.query = query;
    this.recall = recall;
  }

  /**
   * the units that contain a material package (reel).
   *
   * @param packageId the package's id.
   * @param from only links from this time on (ISO-8601 with offset), optional.
   * @param to only links before this time, optional.
   * @param format {@code json} or {@code csv}, optional (else the Accept header decides).
   * @param group {@code link} (the default: one entry per unit, station and designator) or {@code
   *     board} (one per board with its designators, links, verdict, last station and work order,
   *     the counts by board and by link, a page of boards in JSON and every board in CSV).
   * @param offset with {@code group=board}, how many boards to skip (0 to 1000000; default 0).
   * @param limit with {@code group=board}, the most boards of the page (1 to 10000; default 100).
   * @param accept the Accept header.
   * @return the units; an unknown package has none.
   * @throws BadParameterException for a NUL character in the id, a malformed or out-of-range time,
   *     {@code from} not before {@code to}, an unknown format or group, or an offset or limit out
   *     of range (400).
   */
  @Get(uri = "/materials/{packageId}/units", produces = {MediaType.APPLICATION_JSON, TEXT_CSV})
  public HttpResponse<?> materialUnits(@PathVariable String packageId, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
      @Nullable @QueryValue String format, @Nullable @QueryValue String group, @Nullable @QueryValue String offset,
      @Nullable @QueryValue String limit, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
    boolean csv = csv(format, accept);
    Page page = page(group, offset, limit);
    String id = Parameters.id("packageId", packageId);
    Instant start = Parameters.time("from", from);
    Instant end = Parameters.time("to", to);
    Parameters.checkWindow(start, end);
    return answer(csv, page, MaterialSelector.ofPackage(id, start, end));
  }

  /**
   * the units that contain a material package, one entry per link: {@link #materialUnits(String,
   * String, String, String, String, String, String, String)} without grouping or paging, for callers
   * in the same process (the convergence tests' truth check).
   *
   * @param packageId the package's id.
   * @param from only links from this time on, optional.
   * @param to only links before this time, optional.
   * @param format {@code json} or {@code csv}, optional.
   * @param accept the Accept header, optional.
   * @return the units.
   */
  public HttpResponse<?> materialUnits(String packageId, @Nullable String from, @Nullable String to, @Nullable String format,
      @Nullable String accept) {
    return materialUnits(packageId, from, to, format, null, null, null, accept);
  }

  /**
   * the units that contain a lot.
   *
   * @param lot the lot.
   * @param partNumber only this part number's lot of that name, optional.
   * @param from only links from this time on (ISO-8601 with offset), optional.
   * @param to only links before this time, optional.
   * @param format {@code json} or {@code csv}, optional (else the Accept header decides).
   * @param group {@code link} (default) or {@code board}, as for a package.
   * @param offset with {@code group=board}, how many boards to skip.
   * @param limit with {@code group=board}, the most boards of the page.
   * @param accept the Accept header.
   * @return the units; an unknown lot has none.
   * @throws BadParameterException for a NUL character in the lot or part number, a malformed or
   *     out-of-range time, {@code from} not before {@code to}, an unknown format or group, or an
   *     offset or limit out of range (400).
   */
  @Get(uri = "/lots/{lot}/units", produces = {MediaType.APPLICATION_JSON, TEXT_CSV})
  public HttpResponse<?> lotUnits(@PathVariable String lot, @Nullable @QueryValue String partNumber, @Nullable @QueryValue String from,
      @Nullable @QueryValue String to, @Nullable @QueryValue String format, @Nullable @QueryValue String group,
      @Nullable @QueryValue String offset, @Nullable @QueryValue String limit, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
    boolean csv = csv(format, accept);
    Page page = page(group, offset, limit);
    String name = Parameters.id("lot", lot);
    Instant start = Parameters.time("from", from);
    Instant end = Parameters.time("to", to);
    Parameters.checkWindow(start, end);
    String part = partNumber == null || partNumber.isBlank() ? null : Parameters.text("partNumber", partNumber);
    return answer(csv, page, MaterialSelector.ofLot(name, part, start, end));
  }

  /** how to answer: by link, or a page of boards. */
  private record Page(boolean byBoard, int offset, int limit) {}

  private static Page page(@Nullable String group, @Nullable String offset, @Nullable String limit) {
    boolean byBoard = switch (group == null ? "link" : group.toLowerCase(Locale.ROOT)) {
      case "link" -> false;
      case "board" -> true;
      default -> throw new BadParameterException("group", group, "link or board");
    };
    return new Page(byBoard, Parameters.offset("offset", offset, MAX_OFFSET), Parameters.limit("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
  }

  private HttpResponse<?> answer(boolean csv, Page page, MaterialSelector material) {
    if (page.byBoard()) {
      if (csv) {
        // the export is the whole recall: every board, with its status
        return HttpResponse.ok(Csv.ofBoards(recall.all(material))).contentType(TEXT_CSV + "; charset=utf-8");
      }
      return HttpResponse.ok(recall.page(material, page.offset(), page.limit())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    return answer(csv, new WhereUsed(material.packageId(), material.lot(), material.partNumber(), material.from(), material.to(),
        query.find(material)));
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
