package io.cfxtrace.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** compose's variable syntax, as the checks read it. */
class InterpolationTest {

  @Test
  void defaultsApplyWhenTheVariableIsUnsetOrEmpty() {
    assertThat(Interpolation.parse("${PORT:-5672}:5672").resolve(Map.of())).isEqualTo("5672:5672");
    assertThat(Interpolation.parse("${PORT:-5672}").resolve(Map.of("PORT", ""))).isEqualTo("5672");
    assertThat(Interpolation.parse("${PORT-5672}").resolve(Map.of("PORT", ""))).isEmpty();
    assertThat(Interpolation.parse("${PORT:-5672}").resolve(Map.of("PORT", "15672"))).isEqualTo("15672");
  }

  @Test
  void aRequiredVariableThatIsUnsetNamesItself() {
    assertThatThrownBy(() -> Interpolation.parse("amqp://${U:?set U}@h").resolve(Map.of()))
        .hasMessage("variable U is required: set U");
  }

  @Test
  void aDoubledDollarIsALiteralDollar() {
    Interpolation i = Interpolation.parse("pa$$word");

    assertThat(i.isLiteral()).isTrue();
    assertThat(i.resolve(Map.of())).isEqualTo("pa$word");
  }

  @Test
  void onlyASingleRequiredReferenceCountsAsASecretFromTheEnvironment() {
    assertThat(Interpolation.parse("${P:?set P}").isOneRequiredReference()).isTrue();
    assertThat(Interpolation.parse("${P?set P}").isOneRequiredReference()).isTrue();
    assertThat(Interpolation.parse("${P:-changeit}").isOneRequiredReference()).isFalse();
    assertThat(Interpolation.parse("x${P:?set P}").isOneRequiredReference()).isFalse();
    assertThat(Interpolation.parse("$P").isOneRequiredReference()).isFalse();
  }
}
