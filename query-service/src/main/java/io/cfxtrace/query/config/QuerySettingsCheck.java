package io.cfxtrace.query.config;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * stops the start-up when a {@code cfx.query.*} setting is not one this service knows (a misspelt
 * key would otherwise be ignored and its default used silently), then binds the typed settings, so
 * that an invalid value (auth on without tokens, say) stops the start too instead of the first
 * request.
 */
@Context
public class QuerySettingsCheck {

  static final Set<String> KNOWN = Set.of("enabled", "statement-timeout", "longest-transaction", "connection-timeout", "health-timeout", "auth.enabled", "auth.tokens",
      "feed.poll-interval", "feed.client-buffer", "feed.gap-wait", "feed.max-clients", "feed.lookback", "workbench.liquidus", "workbench.final-stations",
      "interlocks.enabled", "interlocks.handle", "interlocks.host", "interlocks.port", "interlocks.rules", "interlocks.store-unreachable", "interlocks.threads",
      "interlocks.broker.uri", "interlocks.broker.virtual-host", "interlocks.broker.trust-store", "interlocks.broker.trust-store-password",
      "interlocks.broker.credit",
      "holds.url", "holds.username", "holds.password");

  /**
   * checks every property source.
   *
   * @param environment the environment.
   * @param auth the auth settings, bound after the check.
   * @param feed the live feed's settings, bound after the check.
   * @param workbench the web UI's settings, bound after the check.
   * @throws ConfigurationException naming each unknown key.
   */
  public QuerySettingsCheck(Environment environment, BeanProvider<AuthConfiguration> auth, BeanProvider<FeedConfiguration> feed,
      BeanProvider<WorkbenchConfiguration> workbench) {
    List<String> problems = new ArrayList<>();
    for (PropertySource source : environment.getPropertySources()) {
      for (String key : source) {
        String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
        // a list may come as "tokens[0]", "tokens[1]"
        String name = k.replaceAll("\\[\\d+]$", "");
        if (name.startsWith("cfx.query.") && !KNOWN.contains(name.substring("cfx.query.".length()))) {
          problems.add("'" + key + "' (from " + source.getName() + ")");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("unknown cfx.query settings (known: " + String.join(", ", KNOWN.stream().sorted().toList()) + "): "
          + String.join("; ", problems));
    }
    auth.get();
    feed.get();
    workbench.get();
  }
}
