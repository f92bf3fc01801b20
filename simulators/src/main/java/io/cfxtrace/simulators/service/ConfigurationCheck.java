package io.cfxtrace.simulators.service;

import io.cfxtrace.endpoint.AmqpUri;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.env.Environment;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.util.EnvironmentProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * checks a service's settings before it starts and names each bad one with its
 * environment-variable form, so that {@code ./cfx ingest} or {@code ./cfx query} stops at once
 * with a message the user can act on (exit status 2) instead of starting on a value nobody chose.
 *
 * <p>Why the command line checks what the services' configuration records already declare:
 * Micronaut binds a value it cannot convert ({@code port=abc}, {@code batch-delay=soon}) to the
 * record's {@code @Bindable} default without a word, reads any word other than {@code true} as
 * {@code false}, and names the record's constructor parameter rather than the setting when a
 * constraint fails. The check reads the records themselves (their components, defaults and jakarta
 * constraints), so it knows no setting the services do not have.
 *
 * <p>Not thread-safe; one check per start.
 */
final class ConfigurationCheck {

  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern URI_PASSWORD = Pattern.compile("(//[^:/@\\s\"]+):[^@/\\s\"]*@");
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&\\s\"]*");
  private static final String DURATION_EXAMPLES = "500ms, 30s, 5m, 2h, 7d or PT1H";

  private final Environment environment;
  private final List<String> problems = new ArrayList<>();

  /**
   * a check over the settings a started environment resolves (its application.yml, the
   * environment variables, the system properties and the command line's {@code -D} settings).
   *
   * @param environment the started environment.
   */
  ConfigurationCheck(Environment environment) {
    this.environment = environment;
  }

  /**
   * where a configuration record's settings are.
   *
   * @param type the record.
   * @param prefix its prefix, for example {@code cfx.ingest.listeners}.
   * @param each whether each name under the prefix is one record ({@code @EachProperty}).
   */
  record Section(Class<? extends Record> type, String prefix, boolean each) {

    /**
     * reads the record's Micronaut annotation.
     *
     * @param type a record annotated {@code @ConfigurationProperties} or {@code @EachProperty}.
     * @return its section.
     * @throws IllegalArgumentException if it has neither.
     */
    static Section of(Class<? extends Record> type) {
      ConfigurationProperties single = type.getAnnotation(ConfigurationProperties.class);
      if (single != null) {
        return new Section(type, single.value(), false);
      }
      EachProperty each = type.getAnnotation(EachProperty.class);
      if (each != null) {
        return new Section(type, each.value(), true);
      }
      throw new IllegalArgumentException(type.getName() + " is not a configuration record");
    }

    /**
     * the property name of one of the record's settings.
     *
     * @param component the record component.
     * @return for example {@code cfx.ingest.listeners.<name>.allow-anonymous}.
     */
    String key(RecordComponent component) {
      return prefix + (each ? ".<name>." : ".") + kebab(component.getName());
    }
  }

  /**
   * checks every setting the records take: whole numbers and their {@code @Min}/{@code @Max},
   * {@code true} or {@code false}, durations, {@code @NotBlank} and {@code @Pattern} texts, and
   * required settings without a default. For an {@code @EachProperty} record, every name under
   * its prefix is checked.
   *
   * @param sections the records.
   * @return this check.
   */
  ConfigurationCheck records(List<Section> sections) {
    for (Section section : sections) {
      if (section.each()) {
        for (String name : new TreeSet<>(environment.getPropertyEntries(section.prefix()))) {
          components(section.type(), section.prefix() + "." + name);
        }
      } else {
        components(section.type(), section.prefix());
      }
    }
    return this;
  }

  private void components(Class<? extends Record> type, String prefix) {
    RecordComponent[] components = type.getRecordComponents();
    Parameter[] parameters = canonicalConstructorParameters(type);
    for (int i = 0; i < components.length; i++) {
      Parameter parameter = parameters[i];
      Class<?> t = components[i].getType();
      if (parameter.isAnnotationPresent(io.micronaut.context.annotation.Parameter.class)
          || Map.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t)) {
        continue; // the entry's name, and lists and maps, which take any text
      }
      String key = prefix + "." + kebab(components[i].getName());
      Optional<String> raw = environment.getProperty(key, String.class);
      if (raw.isEmpty()) {
        if (required(parameter)) {
          problems.add(name(key) + " is not set");
        }
        continue;
      }
      String value = raw.get().trim();
      if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
        Min min = parameter.getAnnotation(Min.class);
        Max max = parameter.getAnnotation(Max.class);
        wholeNumber(key, value, min == null ? (t == int.class || t == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE) : min.value(),
            max == null ? (t == int.class || t == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE) : max.value());
      } else if (t == boolean.class || t == Boolean.class) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          problems.add(name(key) + " is " + shown(key, value) + ": must be true or false");
        }
      } else if (t == Duration.class) {
        if (environment.getProperty(key, Duration.class).isEmpty()) {
          problems.add(name(key) + " is " + shown(key, value) + ": not a duration such as " + DURATION_EXAMPLES);
        }
      } else if (t == String.class) {
        text(key, value, parameter);
      }
    }
  }

  private static Parameter[] canonicalConstructorParameters(Class<? extends Record> type) {
    Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return type.getDeclaredConstructor(types).getParameters();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record without its canonical constructor: " + type.getName(), e);
    }
  }

  /** required: must not be blank or null, has no default, and may not be left out. */
  private static boolean required(Parameter parameter) {
    return (parameter.isAnnotationPresent(NotBlank.class) || parameter.isAnnotationPresent(NotNull.class))
        && !parameter.isAnnotationPresent(Bindable.class)
        && !parameter.getAnnotatedType().isAnnotationPresent(Nullable.class);
  }

  private void text(String key, String value, Parameter parameter) {
    if (parameter.isAnnotationPresent(NotBlank.class) && value.isBlank()) {
      problems.add(name(key) + " is blank");
      return;
    }
    jakarta.validation.constraints.Pattern pattern = parameter.getAnnotation(jakarta.validation.constraints.Pattern.class);
    if (pattern != null && !Pattern.matches(pattern.regexp(), value)) {
      // a message in braces is a bundle key of Bean Validation's, not text for a person
      String why = pattern.message().startsWith("{") ? "must match " + pattern.regexp() : pattern.message();
      problems.add(name(key) + " is " + shown(key, value) + ": " + why);
    }
  }

  private void wholeNumber(String key, String value, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      problems.add(name(key) + " is " + shown(key, value) + ": not a whole number");
      return;
    }
    if (n < min || n > max) {
      String range = max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? "at least " + min
          : min == Integer.MIN_VALUE || min == Long.MIN_VALUE ? "at most " + max : "from " + min + " to " + max;
      problems.add(name(key) + " is " + value + ": must be " + range);
    }
  }

  /**
   * a TCP port Micronaut's HTTP server binds: a whole number from -1 (any free port) to 65535.
   *
   * @param key the setting, for example {@code micronaut.server.port}.
   * @return this check.
   */
  ConfigurationCheck port(String key) {
    environment.getProperty(key, String.class).ifPresent(v -> wholeNumber(key, v.trim(), -1, 65535));
    return this;
  }

  /**
   * the setting must be there.
   *
   * @param key the setting.
   * @param why what it is for, appended to the message.
   * @return this check.
   */
  ConfigurationCheck required(String key, String why) {
    if (environment.getProperty(key, String.class).filter(v -> !v.isBlank()).isEmpty()) {
      problems.add(name(key) + " is not set: " + why);
    }
    return this;
  }

  /**
   * when set, a PostgreSQL JDBC URL: the services speak to PostgreSQL (or TimescaleDB) only.
   *
   * @param key the setting.
   * @return this check.
   */
  ConfigurationCheck postgresUrl(String key) {
    environment.getProperty(key, String.class).map(String::trim).ifPresent(v -> {
      if (!v.startsWith("jdbc:postgresql:")) {
        problems.add(name(key) + " is " + shown(key, v) + ": must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/cfxtrace");
      }
    });
    return this;
  }

  /**
   * every entry's AMQP URI parses and names an address.
   *
   * @param prefix the entries, for example {@code cfx.ingest.subscriptions}.
   * @param component the URI's setting in each entry, for example {@code uri}.
   * @return this check.
   */
  ConfigurationCheck amqpUris(String prefix, String component) {
    for (String name : new TreeSet<>(environment.getPropertyEntries(prefix))) {
      String key = prefix + "." + name + "." + component;
      environment.getProperty(key, String.class).filter(v -> !v.isBlank()).ifPresent(v -> {
        try {
          AmqpUri.parse(v.trim()).requireAddress();
        } catch (IllegalArgumentException e) {
          problems.add(name(key) + ": " + redact(String.valueOf(e.getMessage())));
        }
      });
    }
    return this;
  }

  /**
   * environment variables in the records' namespaces ({@code CFX_INGEST_*}, {@code CFX_STORE_*},
   * {@code CFX_QUERY_*}) must each be a setting of theirs: a misspelt variable would otherwise be
   * ignored and the default used. The names are mapped with Micronaut's own rule.
   *
   * @param variables the environment, for example {@link System#getenv()}.
   * @param sections the records.
   * @param alsoKnown settings in those namespaces that no record holds, for example {@code
   *     cfx.query.enabled}.
   * @param service the service's name for the message, for example {@code the ingest service}.
   * @return this check.
   */
  ConfigurationCheck environmentVariables(Map<String, String> variables, List<Section> sections, Set<String> alsoKnown, String service) {
    Set<String> namespaces = new TreeSet<>();
    List<Pattern> known = new ArrayList<>();
    for (Section section : sections) {
      String[] parts = section.prefix().split("\\.");
      namespaces.add(Setting.environmentVariable(parts[0] + "." + parts[1]) + "_");
      for (RecordComponent c : section.type().getRecordComponents()) {
        String key = section.key(c);
        // the <name> of an entry, and the keys of a map (a listener's users) are the user's own words
        String regex = Pattern.quote(key).replace("<name>", "\\E[^.]+\\Q");
        known.add(Pattern.compile(Map.class.isAssignableFrom(c.getType()) ? regex + "\\.[^.]+" : regex));
      }
    }
    for (String key : alsoKnown) {
      known.add(Pattern.compile(Pattern.quote(key)));
    }
    for (String variable : new TreeSet<>(variables.keySet())) {
      if (namespaces.stream().noneMatch(variable::startsWith)) {
        continue;
      }
      List<String> candidates = EnvironmentProperties.empty().findPropertyNamesForEnvironmentVariable(variable);
      if (candidates.stream().noneMatch(k -> known.stream().anyMatch(p -> p.matcher(k).matches()))) {
        problems.add("environment variable " + variable + " is not a setting of " + service);
      }
    }
    return this;
  }

  /**
   * adds a problem a service's own rule found.
   *
   * @param message the problem, naming the setting.
   * @return this check.
   */
  ConfigurationCheck problem(String message) {
    problems.add(message);
    return this;
  }

  /**
   * what was found, one line each, in the order the settings were checked.
   *
   * @return the problems; empty when the settings are good.
   */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** a setting named both ways, for example {@code micronaut.server.port (MICRONAUT_SERVER_PORT)}. */
  static String name(String key) {
    return key + " (" + Setting.environmentVariable(key) + ")";
  }

  /** the value in quotes, unless it is a secret. */
  private static String shown(String key, String value) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("token") || k.contains(".users.") ? "(hidden)" : "\"" + redact(value) + "\"";
  }

  /** hides the passwords of URIs ({@code amqp://user:secret@...}, {@code jdbc:...?password=secret}) in a text. */
  static String redact(String text) {
    return URL_PASSWORD.matcher(URI_PASSWORD.matcher(text).replaceAll("$1:***@")).replaceAll("$1***");
  }

  /** a record component's setting name: {@code allowAnonymous} is {@code allow-anonymous}. */
  static String kebab(String camel) {
    return CAMEL_HUMP.matcher(camel).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
  }
}
