package io.cfxtrace.ingest.config;

/**
 * the ingest service's own list of known settings ({@link SettingsCheck}), reached from the
 * deployment checks: this class sits in SettingsCheck's package so that the checks ask the
 * service itself instead of keeping a copy of its keys.
 */
public final class IngestSettingsKeys {

  private IngestSettingsKeys() {}

  /**
   * whether the ingest service reads this environment variable as a {@code cfx.ingest.*} or
   * {@code cfx.store.*} setting.
   *
   * @param name for example {@code CFX_INGEST_LISTENERS_LINE1_PORT}.
   * @return what SettingsCheck answers (it stops the service's start for an unknown one).
   */
  public static boolean knownEnvironmentVariable(String name) {
    return SettingsCheck.knownEnv(name);
  }

  /**
   * whether the ingest service knows this {@code cfx.ingest.*} or {@code cfx.store.*} key.
   *
   * @param key lower-case, dotted, for example {@code cfx.ingest.batch-size}.
   * @return what SettingsCheck answers.
   */
  public static boolean knownKey(String key) {
    return SettingsCheck.known(key);
  }
}
