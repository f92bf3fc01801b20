package io.cfxtrace.query.material;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * where-used as CSV (RFC 4180): a header line, then one line per link.
 *
 * <p>The file is made to be opened in a spreadsheet, and its cells repeat what stations sent
 * (serials, reels, lots, locations), so a cell that a spreadsheet would read as a formula is
 * neutralised by the OWASP "CSV Injection" rule: a cell starting with {@code =}, {@code +}, {@code
 * -}, {@code @}, a tab or a carriage return gets a leading single quote and is quoted, so a lot
 * named {@code =HYPERLINK(...)} shows as that text instead of a live link. Every column here is
 * text (identifiers, the link kind, ISO-8601 times); none holds a number, so there is no numeric
 * column to exempt: a lot that looks like a negative number ({@code -20}) is an identifier too and
 * becomes {@code "'-20"}, which a spreadsheet shows as the text {@code -20} rather than reading as
 * a number (or a formula such as {@code -2+3}). A numeric column, if one is ever added, should be
 * written from a Java number, whose text cannot carry a formula, and not through {@link #field}.
 */
final class Csv {

  static final String HEADER = "unit,link,station,material_package,part_number,lot,reference_designator,location,transaction,time,until";

  /** what a spreadsheet may take as the start of a formula (OWASP, CSV Injection). */
  private static final String FORMULA_START = "=+-@\t\r";

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

  /** the header of the CSV grouped by board ({@code group=board}). */
  static final String BOARD_HEADER = "unit,link,exact_links,inferred_links,verdict,reference_designators,stations,material_packages,lots,"
      + "work_order,last_station,last_time,first_link_time";

  /** where-used grouped by board: one line per board, lists joined with a space. */
  static String ofBoards(List<Recall.Board> boards) {
    StringBuilder out = new StringBuilder(BOARD_HEADER).append("\r\n");
    for (Recall.Board b : boards) {
      // the counts are Java ints, written as numbers (no formula can start them)
      out.append(field(b.unit())).append(',').append(field(b.link())).append(',').append(b.exactLinks()).append(',').append(b.inferredLinks())
          .append(',').append(Stream.of(b.verdict() == null ? null : b.verdict().verdict(), String.join(" ", b.designators()),
              String.join(" ", b.stations()), String.join(" ", b.packages()), String.join(" ", b.lots()), b.workOrder(), b.lastStation(),
              time(b.lastTime()), time(b.first())).map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
    }
    return out.toString();
  }

  private static @Nullable String time(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }

  /**
   * a text field: neutralised with a leading single quote, and then always quoted, when it starts
   * like a formula; otherwise quoted when it holds a comma, a quote or a line break; empty for null.
   */
  static String field(@Nullable String value) {
    if (value == null) {
      return "";
    }
    boolean formula = !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0;
    String text = formula ? "'" + value : value;
    boolean quote = formula || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
