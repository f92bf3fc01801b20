package io.cfxtrace.simulators.service;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.SystemPropertiesPropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * what {@code ./cfx ingest} and {@code ./cfx query} share: where a service's settings come from,
 * their check, the start, the wait for Ctrl-C or SIGTERM, and the orderly stop.
 *
 * <p>Settings, lowest precedence first: the service's own {@code application.yml}, environment
 * variables, JVM system properties ({@code CFX_JAVA_OPTS="-Dname=value" ./cfx ...}), and {@code
 * -Dname=value} after the command. Above them only what the command fixes to keep the other
 * service's beans out of the context: the jar holds both services, as in {@code ./cfx demo}.
 *
 * <p>The service's own {@code application.yml} is read from {@code
 * io/cfxtrace/simulators/service/<command>/} (the build copies it there from the service's
 * sources) and handed to Micronaut as the property source {@code application}, with the precedence
 * of a class-path {@code application.yml}: both services' files have that name at the class-path
 * root, the fat jar keeps one of them, and Micronaut reads only the first it finds. Micronaut's
 * own search is switched off rather than pointed at that directory, because Micronaut 4.10 reads
 * a {@code classpath:} location inside a jar as the jar's root file of the same name (here the
 * ingest service's) whenever the jar has one.
 *
 * <p>Exit status: 0 after Ctrl-C or SIGTERM (in-process, after an interrupt of the thread running
 * the command), 1 when the service cannot start (database unreachable, port in use), 2 for a usage
 * or configuration error.
 */
abstract class ServiceCommand implements Callable<Integer> {

  /** above the JVM's system properties, below the settings the command fixes (Micronaut's builder properties, 0). */
  private static final int COMMAND_LINE_POSITION = SystemPropertiesPropertySource.POSITION + 1;

  /** how long a shutdown hook waits for the service to close when the JVM stops by other means than SIGINT or SIGTERM. */
  private static final Duration HOOK_WAIT = Duration.ofSeconds(60);

  /** picocli's usage width: lines longer than this would be wrapped without their indent. */
  private static final int HELP_WIDTH = 80;

  private CommandSpec spec;
  private String storeUrl = "";

  @Option(names = "-D", paramLabel = "NAME=VALUE", description = "A setting for this run, e.g. -Dmicronaut.server.port=8082; repeatable.")
  Map<String, String> commandLineSettings = new LinkedHashMap<>();

  /**
   * picocli's model of the command; the settings table becomes the help's footer here, because it
   * is built from the services' configuration rather than written in the annotation. It is built
   * when the help is printed: every {@code ./cfx} command line holds this command, and reading the
   * services' configuration up front would slow down all of them by about a second.
   *
   * @param spec the command's model.
   */
  @Spec
  void spec(CommandSpec spec) {
    this.spec = spec;
    Map<String, IHelpSectionRenderer> sections = spec.usageMessage().sectionMap();
    sections.put(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING, help -> System.lineSeparator() + "Settings" + System.lineSeparator());
    sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> String.join(System.lineSeparator(), settingsHelp()) + System.lineSeparator());
  }

  /**
   * the command's name, which is also the directory of the service's {@code application.yml}.
   *
   * @return {@code ingest} or {@code query}.
   */
  abstract String name();

  /**
   * the main settings, as the help lists them.
   *
   * @return the settings.
   */
  abstract List<Setting> mainSettings();

  /**
   * the service's configuration records.
   *
   * @return the records and where their settings are.
   */
  abstract List<ConfigurationCheck.Section> sections();

  /**
   * settings in the records' namespaces that no record holds.
   *
   * @return for example {@code cfx.ingest.enabled}.
   */
  abstract Set<String> alsoKnown();

  /**
   * settings the command fixes, above anything the user sets.
   *
   * @return the settings.
   */
  abstract Map<String, Object> fixedSettings();

  /**
   * the service's own checks besides its records'.
   *
   * @param check the check to add to.
   * @param environment the settings.
   */
  abstract void checkMore(ConfigurationCheck check, Environment environment);

  /**
   * starts the service.
   *
   * @param builder a builder with the service's settings.
   * @return the running context.
   */
  abstract ApplicationContext start(ApplicationContextBuilder builder);

  /**
   * says where the running service is: its ports, its store, its links.
   *
   * @param context the running service.
   * @param say prints one line.
   */
  abstract void describe(ApplicationContext context, Consumer<String> say);

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String prefix = "cfx " + name() + ": ";
    Consumer<String> say = line -> {
      out.println(prefix + line);
      out.flush();
    };
    List<String> problems;
    try {
      problems = check();
    } catch (RuntimeException e) {
      // a file Micronaut cannot read (MICRONAUT_CONFIG_FILES naming broken YAML, say)
      err.println(prefix + firstLine(e));
      err.flush();
      return 2;
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println(prefix + p));
      err.println(prefix + "the settings are listed by ./cfx " + name() + " --help");
      err.flush();
      return 2;
    }
    long t0 = System.nanoTime();
    ApplicationContext context;
    try {
      context = start(builder());
    } catch (RuntimeException e) {
      return startFailure(e, err, prefix);
    }
    try {
      describe(context, say);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
    say.accept(String.format(Locale.ROOT, "ready in %.1f s; Ctrl-C stops it", (System.nanoTime() - t0) / 1e9));
    return runUntilStopped(context, say, err, prefix);
  }

  /** the settings, checked on an environment of their own before anything starts. */
  private List<String> check() {
    Environment environment = builder().build().getEnvironment();
    environment.start();
    try {
      ConfigurationCheck check = new ConfigurationCheck(environment)
          .port("micronaut.server.port")
          .postgresUrl("datasources.default.url")
          .records(sections())
          .environmentVariables(System.getenv(), sections(), alsoKnown(), "the " + name() + " service");
      checkMore(check, environment);
      storeUrl = environment.getProperty("datasources.default.url", String.class).orElse("(embedded)");
      return check.problems();
    } finally {
      environment.stop();
    }
  }

  private ApplicationContextBuilder builder() {
    Map<String, Object> commandLine = new LinkedHashMap<>(commandLineSettings);
    return Micronaut.build(new String[0])
        .overrideConfigLocations() // none: see the class comment
        .propertySources(
            PropertySource.of("application", applicationYml(), AbstractPropertySourceLoader.DEFAULT_POSITION),
            PropertySource.of("cfx-command-line", commandLine, COMMAND_LINE_POSITION))
        .properties(fixedSettings());
  }

  /**
   * waits for SIGINT, SIGTERM or an interrupt, then closes the service.
   *
   * <p>A shutdown hook covers the other ways the JVM can stop (SIGHUP, say): it asks for the same
   * stop and waits for it, so the service still closes in order, though the JVM's exit status is
   * then its own.
   */
  private static int runUntilStopped(ApplicationContext context, Consumer<String> say, PrintWriter err, String prefix) {
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopRequested.countDown();
      try {
        closed.await(HOOK_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "cfx-service-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    try (StopSignals.Registration signals = StopSignals.onStop(stopRequested::countDown)) {
      stopRequested.await();
    } catch (InterruptedException e) {
      interrupted = true; // an in-process caller (a test) stops the command by interrupting its thread
    }
    say.accept("stopping...");
    int exit = 0;
    try {
      context.close();
      say.accept("stopped");
    } catch (RuntimeException e) {
      err.println(prefix + "stopping failed: " + firstLine(e));
      err.flush();
      exit = 1;
    } finally {
      closed.countDown();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down and the hook is running: it has nothing left to wait for
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return exit;
  }

  /**
   * the message for a start that failed: a configuration problem the services found themselves
   * (a misspelt setting, auth on without tokens) is a usage error, anything else a failure; a
   * database that cannot be reached is named by its setting, whatever bean first needed it.
   */
  private int startFailure(Throwable e, PrintWriter err, String prefix) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConfigurationException || c instanceof IllegalArgumentException) {
        err.println(prefix + ConfigurationCheck.redact(firstLine(c)));
        err.flush();
        return 2;
      }
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException) {
        err.println(prefix + "cannot start: the event store " + ConfigurationCheck.redact(storeUrl) + " (DATASOURCES_DEFAULT_URL): "
            + ConfigurationCheck.redact(firstLine(c)));
        err.flush();
        return 1;
      }
    }
    // Micronaut's bean exceptions say which bean failed, not why: the first other cause does
    Throwable why = e;
    while (why.getCause() != null && why.getClass().getName().startsWith("io.micronaut.context.exceptions.")) {
      why = why.getCause();
    }
    Throwable root = why;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason = firstLine(why) + (root == why || firstLine(why).contains(firstLine(root)) ? "" : " (" + firstLine(root) + ")");
    err.println(prefix + "cannot start: " + ConfigurationCheck.redact(reason));
    err.flush();
    return 1;
  }

  /** an exception's message without Micronaut's "Path Taken" lines. */
  private static String firstLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).trim();
  }

  /** the settings part of the help: each main setting, its environment variable, meaning and default. */
  private String[] settingsHelp() {
    Map<String, Object> yml = applicationYml();
    List<String> lines = new ArrayList<>();
    lines.addAll(wrap("Each is an environment variable or a -Dname=value after the command (or in CFX_JAVA_OPTS); -D wins,"
        + " then the environment, then the " + name() + " service's application.yml."
        + (mainSettings().stream().anyMatch(s -> s.key().contains("<name>")) ? " <name> is yours, e.g. line1." : "")
        + " A setting the service does not know, or a bad value, stops the start naming it.", ""));
    lines.add("");
    for (Setting s : mainSettings()) {
      String both = "  " + s.key() + "  " + s.environmentVariable();
      if (both.length() <= HELP_WIDTH) {
        lines.add(both);
      } else {
        lines.add("  " + s.key());
        lines.add("      " + s.environmentVariable());
      }
      lines.addAll(wrap(s.meaning() + "; default: " + defaultOf(s, yml), "      "));
    }
    return lines.toArray(String[]::new);
  }

  /** text broken at spaces into lines of at most {@link #HELP_WIDTH}, each with the indent (picocli would wrap without it). */
  static List<String> wrap(String text, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > HELP_WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
      }
      line.append(line.length() > indent.length() ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** a setting's default: the service's application.yml, else its record's {@code @Bindable} default, else what the setting says. */
  private String defaultOf(Setting setting, Map<String, Object> yml) {
    Object fromYml = yml.get(setting.key());
    if (fromYml != null) {
      return String.valueOf(fromYml);
    }
    for (ConfigurationCheck.Section section : sections()) {
      for (RecordComponent c : section.type().getRecordComponents()) {
        Bindable bindable = c.getAccessor().getAnnotation(Bindable.class);
        if (section.key(c).equals(setting.key()) && bindable != null && !bindable.defaultValue().isEmpty()) {
          return bindable.defaultValue();
        }
      }
    }
    return setting.otherwise();
  }

  /** the service's own application.yml, as Micronaut reads it (dotted keys). */
  private Map<String, Object> applicationYml() {
    String resource = "io/cfxtrace/simulators/service/" + name() + "/application.yml";
    try (InputStream in = ServiceCommand.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path (the build copies it from the service)");
      }
      return new YamlPropertySourceLoader().read("application", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
