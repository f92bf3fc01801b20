package io.cfxtrace.query.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * stops the start-up when a {@code cfx.query.*} setting is not one this service knows: a misspelt
 * key would otherwise be ignored and its default used silently.
 */
@Context
public class QuerySettingsCheck {

  static final Set<String> KNOWN = Set.of("statement-timeout", "longest-transaction");

  /**
   * checks every property source.
   *
   * @param environment the environment.
   * @throws ConfigurationException naming each unknown key.
   */
  public QuerySettingsCheck(Environment environment) {
    List<String> problems = new ArrayList<>();
    for (PropertySource source : environment.getPropertySources()) {
      for (String key : source) {
        String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
        if (k.startsWith("cfx.query.") && !KNOWN.contains(k.substring("cfx.query.".length()))) {
          problems.add("'" + key + "' (from " + source.getName() + ")");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("unknown cfx.query settings (known: " + String.join(", ", KNOWN.stream().sorted().toList()) + "): "
          + String.join("; ", problems));
    }
  }
}
