package io.cfxtrace.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestChannelConfigTest {

  private static final AmqpUri BROKER = AmqpUri.parse("amqp://cfx:secret@broker:5672/queue/CfxTrace.Interlocks");

  @Test
  void theAddressComesFromTheUriPathWithItsRabbitMqPrefixKept() {
    RequestChannelConfig config = RequestChannelConfig.of("interlocks", BROKER);

    assertThat(config.address()).isEqualTo("/queue/CfxTrace.Interlocks");
    assertThat(config.maxInFlight()).isEqualTo(100);
  }

  @Test
  void aUriWithoutAddressIsRefusedNamingTheUriWithoutItsPassword() {
    assertThatThrownBy(() -> RequestChannelConfig.of("interlocks", AmqpUri.parse("amqp://cfx:secret@broker:5672")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no address")
        .hasMessageNotContaining("secret");
  }

  @Test
  void aBlankAddressIsRefused() {
    assertThatThrownBy(() -> new RequestChannelConfig("interlocks", BROKER, " ", null, null, 100, ReconnectPolicy.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request channel interlocks: address must not be blank");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 10_001})
  void requestsInFlightOutsideOneToTenThousandAreRefused(int inFlight) {
    assertThatThrownBy(() -> new RequestChannelConfig("interlocks", BROKER, "/queue/x", null, null, inFlight, ReconnectPolicy.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request channel interlocks: maxInFlight must be within 1..10000, was " + inFlight);
  }

  @Test
  void tlsSettingsWithAPlainUriAreRefusedWithoutThePassword(@TempDir Path dir) throws Exception {
    Path store = java.nio.file.Files.createFile(dir.resolve("trust.p12"));
    TlsConfig tls = TlsConfig.trusting(store, "changeit");

    assertThatThrownBy(() -> new RequestChannelConfig("interlocks", BROKER, "/queue/x", null, tls, 100, ReconnectPolicy.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TLS settings given but the URI is not amqps")
        .hasMessageNotContaining("secret");
  }
}
