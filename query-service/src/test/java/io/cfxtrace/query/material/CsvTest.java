package io.cfxtrace.query.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** where-used CSV cells: RFC 4180 quoting, and the OWASP CSV-injection rule for what stations sent. */
class CsvTest {

  // OWASP "CSV Injection": cells starting with = + - @ tab or carriage return
  static Stream<Arguments> formulas() {
    return Stream.of(
        Arguments.of("=HYPERLINK(\"http://evil.example/\",\"open\")", "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"open\"\")\""),
        Arguments.of("+1+1", "\"'+1+1\""),
        Arguments.of("-2+3", "\"'-2+3\""),
        Arguments.of("@SUM(1+1)", "\"'@SUM(1+1)\""),
        Arguments.of("\t=1+1", "\"'\t=1+1\""),
        Arguments.of("\r=1+1", "\"'\r=1+1\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formulas")
  void cellStartingLikeAFormulaGetsALeadingQuoteAndStaysQuoted(String value, String cell) {
    assertThat(Csv.field(value)).isEqualTo(cell);
  }

  @Test
  void lotThatLooksLikeANegativeNumberIsTextAndNeutralisedLikeAnyOther() {
    // no where-used column is numeric: "-20" is a lot's name, and a spreadsheet shows it as that text
    assertThat(Csv.field("-20")).isEqualTo("\"'-20\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SN-1001-1", "PANEL-1001#2", "LOT=7", "A+B", "x@example.com", "2026-05-04T06:00:00Z"})
  void formulaCharacterAfterTheFirstLeavesTheCellAsItIs(String value) {
    assertThat(Csv.field(value)).isEqualTo(value);
  }

  @Test
  void commaQuoteAndLineBreakAreQuotedWithQuotesDoubled() {
    assertThat(List.of(Csv.field("a,b"), Csv.field("say \"hi\""), Csv.field("two\nlines")))
        .containsExactly("\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"");
  }

  @Test
  void absentValueIsAnEmptyCellAndEmptyTextStaysEmpty() {
    assertThat(List.of(Csv.field(null), Csv.field(""))).containsExactly("", "");
  }

  @Test
  void everyTextColumnOfALineIsNeutralised() {
    WhereUsed.Link link = new WhereUsed.Link("-PANEL#1", "inferred", "@Station", "=REEL", "+PART", "-LOT", "=R1", "\tSLOT", "TX-1",
        Instant.parse("2026-05-04T06:00:00Z"), null);

    assertThat(Csv.of(List.of(link)).lines().skip(1).toList())
        .containsExactly("\"'-PANEL#1\",inferred,\"'@Station\",\"'=REEL\",\"'+PART\",\"'-LOT\",\"'=R1\",\"'\tSLOT\",TX-1,2026-05-04T06:00:00Z,");
  }
}
