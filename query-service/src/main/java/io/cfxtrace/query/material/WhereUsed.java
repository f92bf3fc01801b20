package io.cfxtrace.query.material;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * the units that contain a material.
 *
 * @param materialPackage the package asked for, or null for a lot.
 * @param lot the lot asked for, or null for a package.
 * @param partNumber the part number the lot was restricted to, if any.
 * @param from the start of the time window (inclusive), if any.
 * @param to the end of the time window (exclusive), if any.
 * @param units one entry per unit, station and designator, exact links first in time order.
 */
public record WhereUsed(
    @Nullable String materialPackage,
    @Nullable String lot,
    @Nullable String partNumber,
    @Nullable Instant from,
    @Nullable Instant to,
    List<Link> units) {

  /**
   * a unit that contains the material.
   *
   * @param unit the unit (its serial when one was named).
   * @param link {@code exact} or {@code inferred} (see the package documentation).
   * @param time when it was installed (exact) or when the unit's transaction began (inferred).
   * @param until for an inferred link, when that transaction ended.
   */
  public record Link(
      String unit,
      String link,
      @Nullable String station,
      @Nullable String materialPackage,
      @Nullable String partNumber,
      @Nullable String lot,
      @Nullable String referenceDesignator,
      @Nullable String location,
      @Nullable String transaction,
      @Nullable Instant time,
      @Nullable Instant until) {

    /** this link for another unit (a key resolved to the serial it denotes). */
    public Link withUnit(String unit) {
      return new Link(unit, link, station, materialPackage, partNumber, lot, referenceDesignator, location, transaction, time, until);
    }
  }
}
