package io.cfxtrace.query.config;

import java.util.Set;

/**
 * the query service's own list of known settings ({@link QuerySettingsCheck}), reached from the
 * deployment checks: this class sits in QuerySettingsCheck's package so that the checks ask the
 * service itself instead of keeping a copy of its keys.
 */
public final class QuerySettingsKeys {

  private QuerySettingsKeys() {}

  /**
   * the keys under {@code cfx.query.} the service knows.
   *
   * @return for example {@code statement-timeout}.
   */
  public static Set<String> known() {
    return QuerySettingsCheck.KNOWN;
  }
}
