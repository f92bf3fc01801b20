package io.cfxtrace.docker;

import io.cfxtrace.ingest.IngestApplication;
import io.cfxtrace.ingest.config.IngestSettingsKeys;
import io.cfxtrace.ingest.config.ListenerProperties;
import io.cfxtrace.query.QueryApplication;
import io.cfxtrace.query.config.QuerySettingsKeys;
import io.cfxtrace.simulators.cli.CfxCli;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.util.EnvironmentProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * one of the programs the Dockerfile packages, with what its own code and configuration say
 * about it: its main class, the settings it reads, its ports and its health endpoint. Nothing
 * here is a copy of a service's settings: the keys come from the services' setting checks, the
 * ports from their {@code application.yml} and configuration records, the environment-variable
 * names through Micronaut's own mapping ({@link EnvironmentProperties}).
 */
enum Program {
  INGEST("ingest-service", IngestApplication.class),
  QUERY("query-service", QueryApplication.class),
  SIMULATORS("simulators", CfxCli.class);

  /** read by the JVM itself, in every image. */
  private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

  private final String module;
  private final Class<?> mainClass;

  Program(String module, Class<?> mainClass) {
    this.module = module;
    this.mainClass = mainClass;
  }

  /** the Maven module, which is also the Dockerfile stage that packages it. */
  String module() {
    return module;
  }

  /** the class the image starts. */
  Class<?> mainClass() {
    return mainClass;
  }

  /**
   * the program a Dockerfile stage packages.
   *
   * @param target the stage name.
   * @return the program, if the stage is one of the programs.
   */
  static Optional<Program> ofTarget(String target) {
    return Arrays.stream(values()).filter(p -> p.module.equals(target)).findFirst();
  }

  /** whether the program is a Micronaut service (configured by properties and environment). */
  boolean isService() {
    return this != SIMULATORS;
  }

  /**
   * the program's own {@code application.yml}, read from its jar or class directory only (the
   * test class path holds both services, each with a file of that name).
   *
   * @return the settings as dotted keys, for example {@code micronaut.server.port}.
   */
  Map<String, Object> applicationYml() {
    URL location = mainClass.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader own = new URLClassLoader(new URL[] {location}, null)) {
      URL yml = own.findResource("application.yml");
      if (yml == null) {
        return Map.of();
      }
      try (InputStream in = yml.openStream()) {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + module + "'s application.yml", e);
    }
  }

  private static void flatten(String prefix, Object value, Map<String, Object> out) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
    } else {
      out.put(prefix, value);
    }
  }

  /**
   * why an environment variable is not something this program reads, or empty when it is.
   *
   * @param variable the name, for example {@code CFX_INGEST_BATCH_SIZE}.
   * @return the reason, naming the variable.
   */
  Optional<String> unknownVariable(String variable) {
    if (JVM_VARIABLES.contains(variable)) {
      return Optional.empty();
    }
    if (!isService()) {
      return Optional.of(variable + ": the " + module + " command line reads no environment variables (give options in command)");
    }
    // Micronaut's own rule: lower case, each '_' becomes '.' or '-' in every combination
    List<String> candidates = EnvironmentProperties.empty().findPropertyNamesForEnvironmentVariable(variable);
    boolean known;
    String what;
    if (variable.startsWith("DATASOURCES_DEFAULT_")) {
      known = candidates.stream().anyMatch(c -> c.startsWith("datasources.default.") && hasSetter(DATASOURCE, c.substring("datasources.default.".length())));
      what = "a property of Micronaut's Hikari datasource configuration (" + DATASOURCE + ")";
    } else if (variable.startsWith("MICRONAUT_SERVER_")) {
      known = candidates.stream().anyMatch(c -> c.startsWith("micronaut.server.") && hasSetter(SERVER, c.substring("micronaut.server.".length())));
      what = "a property of Micronaut's HTTP server configuration (" + SERVER + ")";
    } else if (variable.equals("MICRONAUT_ENVIRONMENTS")) {
      known = true;
      what = "";
    } else if (this == INGEST && (variable.startsWith("CFX_INGEST_") || variable.startsWith("CFX_STORE_"))) {
      known = IngestSettingsKeys.knownEnvironmentVariable(variable);
      what = "a cfx.ingest.* or cfx.store.* setting that ingest-service's SettingsCheck knows";
    } else if (this == QUERY && variable.startsWith("CFX_QUERY_")) {
      Set<String> keys = QuerySettingsKeys.known();
      known = candidates.stream().anyMatch(c -> c.startsWith("cfx.query.") && keys.contains(c.substring("cfx.query.".length())));
      what = "a cfx.query.* setting that query-service's QuerySettingsCheck knows (" + new TreeSet<>(keys) + ")";
    } else {
      known = false;
      what = "a setting of " + module + " (cfx.* of this service, datasources.default.*, micronaut.server.*)";
    }
    return known ? Optional.empty() : Optional.of(variable + " is not " + what + "; Micronaut reads it as one of " + candidates.stream().limit(4).toList());
  }

  private static final String DATASOURCE = "io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration";
  private static final String SERVER = "io.micronaut.http.server.HttpServerConfiguration";

  /** whether a configuration class has a public setter for a one-segment kebab-case property. */
  private static boolean hasSetter(String className, String property) {
    if (property.contains(".") || property.isEmpty()) {
      return false;
    }
    StringBuilder setter = new StringBuilder("set");
    for (String word : property.split("-")) {
      if (!word.isEmpty()) {
        setter.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    try {
      for (Method m : Class.forName(className).getMethods()) {
        if (m.getName().equals(setter.toString()) && m.getParameterCount() == 1 && Modifier.isPublic(m.getModifiers())) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(className + " is not on the test class path", e);
    }
  }

  /**
   * how Micronaut resolves an environment into this program's properties.
   *
   * @param environment variable to value, as the container gets them.
   * @return a resolver over exactly these variables (no configuration files).
   */
  static PropertySourcePropertyResolver resolve(Map<String, String> environment) {
    // a map read the way Micronaut reads the process environment (EnvironmentPropertySource)
    PropertySource variables = new MapPropertySource("compose", new LinkedHashMap<String, Object>(environment)) {
      @Override
      public PropertyConvention getConvention() {
        return PropertyConvention.ENVIRONMENT_VARIABLE;
      }
    };
    return new PropertySourcePropertyResolver(variables);
  }

  /**
   * the HTTP port: {@code micronaut.server.port} from the environment, else from the program's
   * {@code application.yml}, else Micronaut's default 8080.
   *
   * @param environment the container's environment.
   * @return the port, empty for a program without an HTTP server.
   */
  Optional<Integer> serverPort(Map<String, String> environment) {
    if (!isService()) {
      return Optional.empty();
    }
    Optional<Integer> fromEnv = resolve(environment).getProperty("micronaut.server.port", Integer.class);
    if (fromEnv.isPresent()) {
      return fromEnv;
    }
    Object fromYml = applicationYml().get("micronaut.server.port");
    return Optional.of(fromYml == null ? 8080 : Integer.parseInt(String.valueOf(fromYml)));
  }

  /**
   * the AMQP listener ports the environment configures (ingest-service only), with the port's
   * default taken from {@link ListenerProperties} itself.
   *
   * @param environment the container's environment.
   * @return listener name to port.
   */
  Map<String, Integer> listenerPorts(Map<String, String> environment) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (this != INGEST) {
      return out;
    }
    PropertySourcePropertyResolver r = resolve(environment);
    for (String name : r.getPropertyEntries("cfx.ingest.listeners")) {
      out.put(name, r.getProperty("cfx.ingest.listeners." + name + ".port", Integer.class).orElse(defaultListenerPort()));
    }
    return out;
  }

  private static int defaultListenerPort() {
    // @Bindable reaches the canonical constructor's parameters (records compile with -parameters)
    for (Parameter p : ListenerProperties.class.getDeclaredConstructors()[0].getParameters()) {
      Bindable b = p.getAnnotation(Bindable.class);
      if (p.getName().equals("port") && b != null) {
        return Integer.parseInt(b.defaultValue());
      }
    }
    throw new IllegalStateException("ListenerProperties has no port parameter with a @Bindable default");
  }

  /**
   * the path of the program's health endpoint, when it has one: Micronaut's management
   * dependency in the module's pom, and {@code endpoints.health.enabled} not switched off.
   *
   * @param repository the repository root (the module's pom is read from there).
   * @return {@code /health} (Micronaut's endpoint path, {@code endpoints.all.path} + id), or empty.
   */
  Optional<String> healthPath(Path repository) {
    if (!isService()) {
      return Optional.empty();
    }
    String pom;
    try {
      pom = Files.readString(repository.resolve(module).resolve("pom.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + module + "/pom.xml", e);
    }
    Map<String, Object> yml = applicationYml();
    boolean management = pom.contains("<artifactId>micronaut-management</artifactId>");
    boolean enabled = !"false".equals(String.valueOf(yml.get("endpoints.health.enabled")).toLowerCase(Locale.ROOT));
    if (!management || !enabled) {
      return Optional.empty();
    }
    Object base = yml.getOrDefault("endpoints.all.path", "/");
    return Optional.of((String.valueOf(base).endsWith("/") ? base : base + "/") + "health");
  }
}
