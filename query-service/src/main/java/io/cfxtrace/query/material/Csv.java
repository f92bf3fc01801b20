package io.cfxtrace.query.material;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** where-used as CSV (RFC 4180): a header line, then one line per link. */
final class Csv {

  static final String HEADER = "unit,link,station,material_package,part_number,lot,reference_designator,location,transaction,time,until";

  private Csv() {}

  static String of(List<WhereUsed.Link> links) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (WhereUsed.Link l : links) {
      out.append(Stream.of(l.unit(), l.link(), l.station(), l.materialPackage(), l.partNumber(), l.lot(), l.referenceDesignator(), l.location(),
              l.transaction(), time(l.time()), time(l.until()))
          .map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
    }
    return out.toString();
  }

  private static @Nullable String time(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }

  /** a field, quoted when it holds a comma, a quote or a line break; empty for null. */
  static String field(@Nullable String value) {
    if (value == null) {
      return "";
    }
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
