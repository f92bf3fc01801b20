package io.cfxtrace.model.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CfxTimestampTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2018-03-26T16:52:25.3769532-04:00, 2018-03-26T20:52:25.376953200Z",
    "2018-03-26T16:52:25-04:00, 2018-03-26T20:52:25Z",
    "2018-03-26T16:52:25.5+01:00, 2018-03-26T15:52:25.500Z",
    "2018-03-26T16:52:25.123456789Z, 2018-03-26T16:52:25.123456789Z",
    "2018-03-26T16:52:25.37695Z, 2018-03-26T16:52:25.376950Z",
  })
  void textWithAZoneDenotesItsInstantAndIsKeptVerbatim(String text, String instant) {
    CfxTimestamp t = CfxTimestamp.parse(text);

    assertThat(t.text()).isEqualTo(text);
    assertThat(t.instant()).contains(Instant.parse(instant));
  }

  @Test
  void zonelessTextIsNeverGivenAZoneSilently() {
    CfxTimestamp t = CfxTimestamp.parse("2018-03-26T16:52:25.3769532");

    assertThat(t.offset()).isEmpty();
    assertThat(t.instant()).isEmpty();
    assertThat(t.dateTime()).isEqualTo(LocalDateTime.of(2018, 3, 26, 16, 52, 25, 376953200));
    assertThat(t.toInstant(ZoneOffset.ofHours(2))).isEqualTo(Instant.parse("2018-03-26T14:52:25.376953200Z"));
  }

  @Test
  void dotNetMinValueMeansUnset() {
    CfxTimestamp t = CfxTimestamp.parse("0001-01-01T00:00:00");

    assertThat(t.isUnset()).isTrue();
    assertThat(t.instant()).isEmpty();
  }

  @Test
  void madeTimestampsAreWrittenAsTheSdkWritesLocalAndUtcKinds() {
    OffsetDateTime t = OffsetDateTime.of(2026, 3, 14, 9, 26, 53, 589_793_250, ZoneOffset.ofHours(1));

    assertThat(CfxTimestamp.of(t).text()).isEqualTo("2026-03-14T09:26:53.5897932+01:00");
    assertThat(CfxTimestamp.of(t.withNano(500_000_000)).text()).isEqualTo("2026-03-14T09:26:53.5+01:00");
    assertThat(CfxTimestamp.of(t.withNano(0).withOffsetSameLocal(ZoneOffset.UTC)).text()).isEqualTo("2026-03-14T09:26:53+00:00");
    assertThat(CfxTimestamp.ofUtc(Instant.parse("2026-03-14T08:26:53.120Z")).text()).isEqualTo("2026-03-14T08:26:53.12Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2018-03-26", "2018-03-26 16:52:25", "2018-13-26T16:52:25", "2018-03-26T16:52:25.1234567890Z", "2018-03-26T16:52:25+0100", "now"})
  void malformedTextIsRefusedNamingIt(String text) {
    assertThatThrownBy(() -> CfxTimestamp.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
  }
}
