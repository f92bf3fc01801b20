package io.cfxtrace.query.material;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * which material a where-used query is about: a package, or a lot (optionally of one part
 * number), within an optional time window {@code [from, to)}.
 */
public record MaterialSelector(@Nullable String packageId, @Nullable String lot, @Nullable String partNumber, @Nullable Instant from,
    @Nullable Instant to) {

  public static MaterialSelector ofPackage(String packageId, @Nullable Instant from, @Nullable Instant to) {
    return new MaterialSelector(packageId, null, null, from, to);
  }

  public static MaterialSelector ofLot(String lot, @Nullable String partNumber, @Nullable Instant from, @Nullable Instant to) {
    return new MaterialSelector(null, lot, partNumber, from, to);
  }

  /** the SQL condition on a table with material_package_id, lot and part_number columns. */
  String condition(String alias) {
    return packageId != null
        ? alias + ".material_package_id = ?"
        : alias + ".lot = ? and (?::text is null or " + alias + ".part_number = ?)";
  }

  /** the parameters of {@link #condition(String)}. */
  Object[] parameters() {
    return packageId != null ? new Object[] {packageId} : new Object[] {lot, partNumber, partNumber};
  }
}
