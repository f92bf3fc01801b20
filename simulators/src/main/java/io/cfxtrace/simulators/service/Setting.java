package io.cfxtrace.simulators.service;

import java.util.Locale;
import java.util.Objects;

/**
 * one setting as {@code ./cfx ingest --help} and {@code ./cfx query --help} list it.
 *
 * @param key the property name, for example {@code micronaut.server.port}; {@code <name>} and
 *     {@code <user>} stand for a name the user chooses.
 * @param meaning what it does, in one line.
 * @param otherwise what applies when it is not set and neither the service's {@code
 *     application.yml} nor its configuration record gives a default, for example {@code none}.
 */
record Setting(String key, String meaning, String otherwise) {

  /** checks the parts. */
  Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(otherwise, "otherwise");
  }

  /**
   * a setting whose default the service's application.yml or configuration record gives, or that
   * has none.
   *
   * @param key the property name.
   * @param meaning what it does.
   */
  Setting(String key, String meaning) {
    this(key, meaning, "none");
  }

  /**
   * the environment variable Micronaut reads the setting from.
   *
   * @return for example {@code CFX_INGEST_LISTENERS_<NAME>_PORT}.
   */
  String environmentVariable() {
    return environmentVariable(key);
  }

  /**
   * the environment-variable form of a property name: upper case, dots and dashes as underscores
   * (Micronaut maps it back by trying each underscore as a dot and as a dash).
   *
   * @param key the property name.
   * @return the variable's name.
   */
  static String environmentVariable(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
