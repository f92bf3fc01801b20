package io.cfxtrace.query.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * the interlocks (issue #15), under {@code cfx.query.interlocks}: the CFX listener at which the
 * service answers ValidateUnitsRequest, ValidateStationSetupRequest and ValidateOperatorRequest.
 *
 * @param enabled whether the listener runs (off by default; the demo switches it on).
 * @param handle the CFX handle requests are addressed to.
 * @param host the interface to bind.
 * @param port the AMQP port (0 picks a free one); not 5672, which a broker often holds.
 * @param rules the rules file (YAML), or none: every request then gets the documented default.
 * @param storeUnreachable {@code fail-closed} (refuse, the default) or {@code fail-open} (pass
 *     with a warning) when the event store cannot answer.
 * @param threads threads that read the store for the answers.
 */
@ConfigurationProperties("cfx.query.interlocks")
public record InterlockConfiguration(
    @Bindable(defaultValue = "false") boolean enabled,
    @Bindable(defaultValue = "CfxTrace.Interlocks") String handle,
    @Bindable(defaultValue = "0.0.0.0") String host,
    @Bindable(defaultValue = "5680") int port,
    @Nullable String rules,
    @Bindable(defaultValue = "fail-closed") String storeUnreachable,
    @Bindable(defaultValue = "8") int threads) {

  /** checks the values. */
  public InterlockConfiguration {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("cfx.query.interlocks.port is " + port + ": expected 0 to 65535");
    }
    String s = storeUnreachable == null ? "" : storeUnreachable.toLowerCase(Locale.ROOT);
    if (!s.equals("fail-closed") && !s.equals("fail-open")) {
      throw new IllegalArgumentException("cfx.query.interlocks.store-unreachable is '" + storeUnreachable + "': expected fail-closed or fail-open");
    }
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("cfx.query.interlocks.threads is " + threads + ": expected 1 to 256");
    }
    if (handle == null || handle.isBlank()) {
      throw new IllegalArgumentException("cfx.query.interlocks.handle is blank");
    }
  }

  /**
   * whether the service refuses while the store cannot answer.
   *
   * @return true for fail-closed.
   */
  public boolean failClosed() {
    return storeUnreachable.toLowerCase(Locale.ROOT).equals("fail-closed");
  }
}
