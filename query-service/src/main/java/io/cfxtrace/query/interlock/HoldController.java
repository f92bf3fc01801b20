package io.cfxtrace.query.interlock;

import io.cfxtrace.query.material.MaterialSelector;
import io.cfxtrace.query.material.WhereUsed;
import io.cfxtrace.query.material.WhereUsedQuery;
import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.NotFoundException;
import io.cfxtrace.query.web.Parameters;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * holds (issue #15): {@code GET /api/holds}, {@code POST /api/holds} (a lot, reel, part number,
 * work order or unit, or several of one kind), {@code POST /api/holds/{id}/release}, and {@code
 * POST /api/holds/where-used} (every unit of a reel's or lot's where-used, in one action). Who:
 * the API token's id ({@code token-} and the first 8 hex digits of the token's SHA-256; the token
 * itself is never stored), {@code anonymous} with auth off, and the name the caller gives in
 * {@code by}. The interlocks read the active holds on every request: a hold takes effect at once.
 */
@Controller("/api/holds")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HoldController {

  private final Holds holds;
  private final WhereUsedQuery whereUsed;

  /**
   * creates the controller.
   *
   * @param holds the holds.
   * @param whereUsed where-used, for holding a recall's units.
   */
  public HoldController(Holds holds, WhereUsedQuery whereUsed) {
    this.holds = holds;
    this.whereUsed = whereUsed;
  }

  /**
   * a request to put things on hold.
   *
   * @param kind {@code lot}, {@code reel}, {@code part_number}, {@code work_order} or {@code unit}.
   * @param value what (or {@code values} for several).
   * @param values several of one kind.
   * @param partNumber for a lot, only that part number's lot.
   * @param reason why (required).
   * @param by who, as the caller names themselves (optional; the token is recorded anyway).
   */
  public record HoldRequest(@Nullable String kind, @Nullable String value, @Nullable List<String> values, @Nullable String partNumber,
      @Nullable String reason, @Nullable String by) {}

  /**
   * a release.
   *
   * @param reason why (required).
   * @param by who.
   */
  public record ReleaseRequest(@Nullable String reason, @Nullable String by) {}

  /**
   * holding every unit of a where-used result.
   *
   * @param reel a reel (material package id), or
   * @param lot a lot (with optional {@code partNumber}).
   * @param partNumber the lot's part number.
   * @param reason why (required).
   * @param by who.
   */
  public record WhereUsedHoldRequest(@Nullable String reel, @Nullable String lot, @Nullable String partNumber, @Nullable String reason, @Nullable String by) {}

  /**
   * the holds.
   *
   * @param active {@code true} for the active ones only (the default), {@code false} for all.
   * @param limit at most this many, newest first (default 1000, at most 10000).
   * @return {@code {holds: [...]}}.
   */
  @Get(produces = MediaType.APPLICATION_JSON)
  public Map<String, Object> list(@Nullable @QueryValue String active, @Nullable @QueryValue String limit) {
    boolean activeOnly = active == null || !active.equalsIgnoreCase("false");
    return Map.of("holds", holds.list(activeOnly, Parameters.limit("limit", limit, 1000, 10000)));
  }

  /**
   * one hold.
   *
   * @param id its number.
   * @return the hold.
   */
  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  public Holds.Hold get(@PathVariable String id) {
    Holds.Hold h = holds.get(number(id));
    if (h == null) {
      throw new NotFoundException("no hold " + id);
    }
    return h;
  }

  /**
   * puts one thing, or several of one kind, on hold.
   *
   * @param request what and why.
   * @param authorization the caller's token.
   * @return 201 with {@code {holds: [...]}}.
   */
  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<Map<String, Object>> hold(@Body HoldRequest request, @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
    String kind = request.kind() == null ? null : Holds.kindOf(request.kind());
    if (kind == null || !Holds.KINDS.contains(kind)) {
      throw new BadParameterException("kind", String.valueOf(request.kind()), "one of lot, reel, part_number, work_order, unit");
    }
    List<String> values = request.values() != null && !request.values().isEmpty() ? request.values()
        : request.value() == null ? List.of() : List.of(request.value());
    if (values.isEmpty()) {
      throw new BadParameterException("the request names nothing to hold: give value or values");
    }
    values = values.stream().map(v -> Parameters.id("value", v)).toList();
    if (request.partNumber() != null && !kind.equals("lot")) {
      throw new BadParameterException("partNumber qualifies a lot only, not a " + kind);
    }
    String reason = reason(request.reason());
    List<Long> ids = holds.hold(kind, values, Parameters.text("partNumber", request.partNumber()), reason, who(authorization), Parameters.text("by", request.by()));
    return HttpResponse.created(Map.of("holds", ids.stream().map(holds::get).toList()));
  }

  /**
   * releases a hold.
   *
   * @param id its number.
   * @param request why.
   * @param authorization the caller's token.
   * @return the released hold; 404 when there is no such hold, 409 when it was released already.
   */
  @Post(uri = "/{id}/release", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> release(@PathVariable String id, @Body ReleaseRequest request, @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
    long n = number(id);
    String reason = reason(request.reason());
    if (!holds.release(n, reason, who(authorization), Parameters.text("by", request.by()))) {
      Holds.Hold h = holds.get(n);
      if (h == null) {
        throw new NotFoundException("no hold " + id);
      }
      return HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT)
          .body(Map.of("message", "hold " + id + " was released already, at " + h.releasedAt() + " by " + h.releasedBy()));
    }
    return HttpResponse.ok(holds.get(n));
  }

  /**
   * puts every unit of a reel's or lot's where-used on hold, in one transaction.
   *
   * @param request the reel or lot and why.
   * @param authorization the caller's token.
   * @return 201 with {@code {units, holds}}.
   */
  @Post(uri = "/where-used", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<Map<String, Object>> holdWhereUsed(@Body WhereUsedHoldRequest request,
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
    if ((request.reel() == null) == (request.lot() == null)) {
      throw new BadParameterException("give either reel or lot (with an optional partNumber)");
    }
    String reason = reason(request.reason());
    MaterialSelector selector = request.reel() != null ? MaterialSelector.ofPackage(Parameters.id("reel", request.reel()), null, null)
        : MaterialSelector.ofLot(Parameters.id("lot", request.lot()), Parameters.text("partNumber", request.partNumber()), null, null);
    List<String> units = whereUsed.find(selector).stream().map(WhereUsed.Link::unit).distinct().sorted().toList();
    List<Long> ids = units.isEmpty() ? List.of()
        : holds.hold("unit", units, null, reason, who(authorization), Parameters.text("by", request.by()));
    return HttpResponse.created(Map.of("units", units, "holds", ids));
  }

  private static long number(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadParameterException("id", id, "a hold number");
    }
  }

  private static String reason(@Nullable String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BadParameterException("reason is missing: every hold and release says why");
    }
    return Parameters.id("reason", reason);
  }

  /** the token's id: never the token itself. */
  static String who(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "anonymous";
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
      return "token-" + HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
