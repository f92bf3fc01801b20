package io.cfxtrace.model.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CfxDurationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "00:01:00, PT1M",
    "1.02:00:00, PT26H",
    "00:00:00.5000000, PT0.5S",
    "-00:00:10, PT-10S",
    "12:30:05.0000001, PT12H30M5.0000001S",
    "PT5M, PT5M",
  })
  void dotNetTimeSpansAndIsoDurationsAreRead(String text, String iso) {
    CfxDuration d = CfxDuration.parse(text);

    assertThat(d.duration()).isEqualTo(Duration.parse(iso));
    assertThat(d.text()).isEqualTo(text);
  }

  @Test
  void madeDurationsUseDotNetConstantFormat() {
    assertThat(CfxDuration.of(Duration.ofMinutes(1)).text()).isEqualTo("00:01:00");
    assertThat(CfxDuration.of(Duration.ofHours(26)).text()).isEqualTo("1.02:00:00");
    assertThat(CfxDuration.of(Duration.ofMillis(500)).text()).isEqualTo("00:00:00.5000000");
    assertThat(CfxDuration.of(Duration.ofSeconds(-10)).text()).isEqualTo("-00:00:10");
  }

  @Test
  void malformedTimeSpanIsRefusedNamingIt() {
    assertThatThrownBy(() -> CfxDuration.parse("00:61:00")).hasMessageContaining("\"00:61:00\"");
    assertThatThrownBy(() -> CfxDuration.parse("one minute")).hasMessageContaining("\"one minute\"");
  }
}
