package io.cfxtrace.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cfxtrace.docker.DockerfileModel.Instruction;
import io.cfxtrace.docker.DockerfileModel.Stage;
import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.simulators.cli.CfxCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * the deployment checks that need no Docker engine. Each returns the problems it found, one
 * message per problem naming the file, the line and the key, so that a test fails with a message
 * that says what to fix (and so that the checks can be tried on broken input).
 */
final class DeploymentChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** environment variable names that carry a secret. */
  private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_USERS_).*");
  /** a URI with a password in its user info: scheme://user:password@host... */
  private static final Pattern URI_PASSWORD = Pattern.compile("^[a-z][a-z0-9+.-]*://[^/@:]*:([^@/]*)@.*$", Pattern.CASE_INSENSITIVE);
  /** the profile in which throw-away passwords are allowed (from docker/demo.env). */
  static final String DEMO_PROFILE = "demo";

  /** the base URI the schema is given (never fetched: the schema has no external references). */
  static final String SCHEMA_ID = "urn:cfx-trace:compose-spec:a08f8d51631b7127ddac3d2c65537db429d0f1d0";

  private DeploymentChecks() {}

  // ------------------------------------------------------------------------------------ schema

  /**
   * validates a compose file against the Compose Specification's JSON schema.
   *
   * @param compose the file.
   * @param schemaJson the schema text (draft-07).
   * @return one message per violation, with the line of the offending value.
   */
  static List<String> schemaProblems(ComposeFile compose, String schemaJson) {
    // the schema's "$schema" is https://json-schema.org/draft-07/schema (no '#'): draft 7 is set
    // as the default dialect so that nothing is looked up on the network
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    Schema schema;
    try {
      // its "$id" is the relative "compose_spec.json", which the validator refuses as a base
      // URI: the copy in memory gets an absolute one naming the pinned source
      com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(schemaJson);
      tree.put("$id", SCHEMA_ID);
      schema = registry.getSchema(tree);
    } catch (IOException e) {
      throw new UncheckedIOException("the compose-spec schema is not JSON", e);
    }
    JsonNode document = JSON.valueToTree(compose.document());
    List<String> problems = new ArrayList<>();
    for (Error e : schema.validate(document)) {
      List<Object> path = new ArrayList<>();
      for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) {
        path.add(e.getInstanceLocation().getElement(i));
      }
      problems.add(compose.where(path.toArray()) + ": " + e.getMessage());
    }
    return problems;
  }

  // -------------------------------------------------------------------------------- Dockerfile

  /**
   * checks base images are pinned, the programs' stages run as a non-root user, start a main
   * class that exists and expose only the programs' ports.
   *
   * @param dockerfile the Dockerfile.
   * @return the problems.
   */
  static List<String> dockerfileProblems(DockerfileModel dockerfile) {
    List<String> problems = new ArrayList<>();
    Set<String> aliases = new LinkedHashSet<>();
    for (Stage s : dockerfile.stages()) {
      if (!aliases.contains(s.base().toLowerCase(Locale.ROOT))) {
        unpinned(s.base()).ifPresent(why -> problems.add(dockerfile.name() + ":" + s.line() + ": FROM " + s.base() + " " + why));
      }
      if (!s.alias().isEmpty()) {
        aliases.add(s.alias().toLowerCase(Locale.ROOT));
      }
    }
    for (Program p : Program.values()) {
      Optional<Stage> stage = dockerfile.stage(p.module());
      if (stage.isEmpty()) {
        problems.add(dockerfile.name() + ": no stage \"" + p.module() + "\" (FROM ... AS " + p.module() + ") packages " + p.module());
        continue;
      }
      Stage s = stage.get();
      Optional<Instruction> user = dockerfile.effectiveUser(s);
      if (user.isEmpty()) {
        problems.add(dockerfile.name() + ":" + s.line() + ": stage " + p.module() + " sets no USER, so it runs as the base image's user (root)");
      } else if (isRoot(user.get().arguments())) {
        problems.add(dockerfile.name() + ":" + user.get().line() + ": stage " + p.module() + " runs as USER " + user.get().arguments() + " (root)");
      } else if (!user.get().arguments().matches("\\d+(:\\d+)?")) {
        problems.add(dockerfile.name() + ":" + user.get().line() + ": stage " + p.module() + " runs as USER " + user.get().arguments()
            + ": use a numeric uid[:gid] so that an orchestrator can verify it is not root");
      }
      List<Instruction> entry = dockerfile.inherited(s, "ENTRYPOINT");
      if (entry.isEmpty()) {
        problems.add(dockerfile.name() + ":" + s.line() + ": stage " + p.module() + " has no ENTRYPOINT");
      } else {
        Instruction e = entry.get(0);
        boolean startsMain = e.arguments().contains("\"" + p.mainClass().getName() + "\"")
            || (e.arguments().contains("\"-jar\"") && p == Program.SIMULATORS);
        if (!startsMain) {
          problems.add(dockerfile.name() + ":" + e.line() + ": stage " + p.module() + " does not start " + p.mainClass().getName() + ": " + e.arguments());
        }
      }
    }
    return problems;
  }

  /**
   * why an image reference is not pinned to a version, or empty when it is.
   *
   * @param image for example {@code eclipse-temurin:17.0.20_8-jre-noble}.
   * @return the reason.
   */
  static Optional<String> unpinned(String image) {
    if (image.contains("${") || image.contains("$")) {
      return Optional.of("uses a variable without a default");
    }
    if (image.contains("@sha256:")) {
      return Optional.empty();
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon <= slash) {
      return Optional.of("has no tag (that is \"latest\"): pin a version");
    }
    String tag = image.substring(colon + 1);
    if (tag.equalsIgnoreCase("latest") || tag.toLowerCase(Locale.ROOT).startsWith("latest-") || !tag.matches(".*\\d+\\.\\d+.*")) {
      return Optional.of("has tag \"" + tag + "\", which moves: pin a version such as 1.2.3");
    }
    return Optional.empty();
  }

  private static boolean isRoot(String user) {
    String u = user.strip().split(":")[0];
    return u.equals("0") || u.equals("root");
  }

  // ------------------------------------------------------------------------------ compose file

  /** the program a compose service builds from the Dockerfile, if any. */
  static Optional<Program> program(Map<String, Object> service) {
    Object target = ComposeFile.map(service.get("build")).get("target");
    return target == null ? Optional.empty() : Program.ofTarget(String.valueOf(target));
  }

  /** whether a service only starts with the demo profile. */
  static boolean demoOnly(Map<String, Object> service) {
    List<String> profiles = ComposeFile.strings(service.get("profiles"));
    return !profiles.isEmpty() && profiles.stream().allMatch(DEMO_PROFILE::equals);
  }

  /**
   * a service's environment as the container gets it.
   *
   * @param compose the compose file.
   * @param service the service.
   * @param variables the variables set when compose runs.
   * @return name to value.
   */
  static Map<String, String> resolvedEnvironment(ComposeFile compose, String service, Map<String, String> variables) {
    Map<String, String> out = new LinkedHashMap<>();
    compose.environment(service).forEach((k, v) -> out.put(k, Interpolation.parse(v).resolve(variables)));
    return out;
  }

  /**
   * checks that images are pinned and builds name a Dockerfile stage that packages a program.
   *
   * @param compose the compose file.
   * @param dockerfile the Dockerfile the builds use.
   * @return the problems.
   */
  static List<String> imageProblems(ComposeFile compose, DockerfileModel dockerfile) {
    List<String> problems = new ArrayList<>();
    compose.services().forEach((name, service) -> {
      Map<String, Object> build = ComposeFile.map(service.get("build"));
      if (!build.isEmpty()) {
        Object target = build.get("target");
        if (target == null || dockerfile.stage(String.valueOf(target)).isEmpty() || Program.ofTarget(String.valueOf(target)).isEmpty()) {
          problems.add(compose.where("services", name, "build", "target") + ": build target " + target
              + " is not a stage of " + dockerfile.name() + " that packages one of " + List.of(Program.values()));
        }
      } else {
        String image = String.valueOf(service.get("image"));
        unpinned(image).ifPresent(why -> problems.add(compose.where("services", name, "image") + ": image " + image + " " + why));
      }
    });
    return problems;
  }

  /**
   * checks every environment variable given to a program is a setting that program reads.
   *
   * @param compose the compose file.
   * @return the problems.
   */
  static List<String> environmentProblems(ComposeFile compose) {
    List<String> problems = new ArrayList<>();
    compose.services().forEach((name, service) -> program(service).ifPresent(p -> {
      for (String variable : compose.environment(name).keySet()) {
        p.unknownVariable(variable).ifPresent(why -> problems.add(compose.where("services", name, "environment", variable) + ": " + why));
      }
    }));
    return problems;
  }

  /**
   * checks the ports: what a program's service publishes or exposes is a port the program
   * listens on, its listeners are published (machines must reach them), and its health check
   * calls its health endpoint on its HTTP port.
   *
   * @param compose the compose file.
   * @param variables the variables set when compose runs.
   * @param repository the repository root.
   * @return the problems.
   */
  static List<String> portProblems(ComposeFile compose, Map<String, String> variables, Path repository) {
    List<String> problems = new ArrayList<>();
    compose.services().forEach((name, service) -> program(service).ifPresent(p -> {
      Map<String, String> env = resolvedEnvironment(compose, name, variables);
      Optional<Integer> http = p.serverPort(env);
      Map<String, Integer> listeners = p.listenerPorts(env);
      Set<Integer> own = new LinkedHashSet<>(listeners.values());
      http.ifPresent(own::add);
      Set<Integer> published = new LinkedHashSet<>();
      List<String> ports = ComposeFile.strings(service.get("ports"));
      for (int i = 0; i < ports.size(); i++) {
        int target = containerPort(Interpolation.parse(ports.get(i)).resolve(variables));
        published.add(target);
        if (!own.contains(target)) {
          problems.add(compose.where("services", name, "ports", i) + ": publishes container port " + target + ", but " + p.module()
              + " listens on " + own);
        }
      }
      List<String> exposed = ComposeFile.strings(service.get("expose"));
      for (int i = 0; i < exposed.size(); i++) {
        int port = containerPort(exposed.get(i));
        if (!own.contains(port)) {
          problems.add(compose.where("services", name, "expose", i) + ": exposes port " + port + ", but " + p.module() + " listens on " + own);
        }
      }
      listeners.forEach((listener, port) -> {
        if (!published.contains(port)) {
          problems.add(compose.where("services", name, "ports") + ": listener " + listener + " (port " + port
              + ") is not published, so no machine can reach it");
        }
      });
      if (p.isService()) {
        problems.addAll(healthCheckProblems(compose, name, service, p, http.orElseThrow(), repository));
      }
    }));
    return problems;
  }

  private static List<String> healthCheckProblems(
      ComposeFile compose, String name, Map<String, Object> service, Program p, int httpPort, Path repository) {
    List<String> test = ComposeFile.strings(ComposeFile.map(service.get("healthcheck")).get("test"));
    Optional<String> url = test.stream().filter(a -> a.startsWith("http://") || a.startsWith("https://")).findFirst();
    if (url.isEmpty()) {
      return List.of(compose.where("services", name, "healthcheck") + ": " + p.module() + " has no health check calling its health endpoint");
    }
    URI uri = URI.create(url.get());
    List<String> problems = new ArrayList<>();
    Object[] where = {"services", name, "healthcheck", "test"};
    if (!Set.of("localhost", "127.0.0.1").contains(uri.getHost())) {
      problems.add(compose.where(where) + ": health check calls " + uri.getHost() + ", not the container itself (localhost)");
    }
    if (uri.getPort() != httpPort) {
      problems.add(compose.where(where) + ": health check calls port " + uri.getPort() + ", but " + p.module() + "'s HTTP server listens on " + httpPort);
    }
    Optional<String> health = p.healthPath(repository);
    if (health.isEmpty()) {
      problems.add(compose.where(where) + ": health check calls " + uri.getPath() + ", but " + p.module()
          + " has no health endpoint (micronaut-management in its pom, endpoints.health.enabled)");
    } else if (!health.get().equals(uri.getPath())) {
      problems.add(compose.where(where) + ": health check calls " + uri.getPath() + ", but " + p.module() + "'s health endpoint is " + health.get());
    }
    if (!test.isEmpty() && test.get(0).equals("CMD") && test.size() > 1 && test.get(1).equals("curl") && !test.contains("--fail")) {
      problems.add(compose.where(where) + ": curl without --fail succeeds on an HTTP error status (503 DOWN)");
    }
    return problems;
  }

  /**
   * the container side of a port entry: {@code [ip:][host:]container[/protocol]}.
   *
   * @param entry the entry, interpolated.
   * @return the container port.
   */
  static int containerPort(String entry) {
    String s = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
    String last = s.substring(s.lastIndexOf(':') + 1);
    if (last.contains("-")) {
      throw new IllegalArgumentException("port ranges are not used here: " + entry);
    }
    return Integer.parseInt(last.strip());
  }

  /**
   * checks the start order: every {@code depends_on} names a service, waits for health only on
   * services that have a health check, and every program waits until what it uses is healthy
   * (the database and broker its settings point at; the query service also for the ingest
   * service, whose migrations create the schema it reads).
   *
   * @param compose the compose file.
   * @param variables the variables set when compose runs.
   * @return the problems.
   */
  static List<String> dependencyProblems(ComposeFile compose, Map<String, String> variables) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> services = compose.services();
    services.forEach((name, service) -> {
      Map<String, Object> deps = dependsOn(service);
      deps.forEach((dep, condition) -> {
        Map<String, Object> target = services.get(dep);
        if (target == null) {
          problems.add(compose.where("services", name, "depends_on", dep) + ": " + name + " depends on " + dep + ", which is not a service");
        } else if ("service_healthy".equals(condition) && ComposeFile.map(target.get("healthcheck")).get("test") == null) {
          problems.add(compose.where("services", name, "depends_on", dep) + ": " + name + " waits for " + dep + " to be healthy, but " + dep
              + " has no health check");
        } else if (!demoOnly(service) && demoOnly(target)) {
          problems.add(compose.where("services", name, "depends_on", dep) + ": " + name + " depends on the demo-only service " + dep);
        }
      });
      if (!demoOnly(service) && service.get("healthcheck") == null && !"no".equals(String.valueOf(service.get("restart")))) {
        problems.add(compose.where("services", name) + ": long-running service " + name + " has no health check");
      }
      Optional<Program> program = program(service);
      if (program.isEmpty() || !program.get().isService()) {
        return;
      }
      Map<String, String> env = resolvedEnvironment(compose, name, variables);
      Set<String> uses = new LinkedHashSet<>();
      String jdbc = env.get("DATASOURCES_DEFAULT_URL");
      if (jdbc == null) {
        problems.add(compose.where("services", name, "environment") + ": " + name + " sets no DATASOURCES_DEFAULT_URL"
            + (program.get() == Program.INGEST ? " (ingest-service would start an embedded database inside the container)" : ""));
      } else {
        uses.add(URI.create(jdbc.substring("jdbc:".length())).getHost());
      }
      env.forEach((k, v) -> {
        if (k.startsWith("CFX_INGEST_SUBSCRIPTIONS_") && k.endsWith("_URI")) {
          uses.add(AmqpUri.parse(v).host());
        }
      });
      if (program.get() == Program.QUERY) {
        services.forEach((other, s) -> program(s).filter(Program.INGEST::equals).ifPresent(x -> uses.add(other)));
      }
      for (String used : uses) {
        if (!"service_healthy".equals(deps.get(used))) {
          problems.add(compose.where("services", name, "depends_on") + ": " + name + " uses " + used + " but does not wait for it"
              + " (depends_on: " + used + ": condition: service_healthy)");
        }
      }
    });
    return problems;
  }

  private static Map<String, Object> dependsOn(Map<String, Object> service) {
    Object deps = service.get("depends_on");
    Map<String, Object> out = new LinkedHashMap<>();
    if (deps instanceof List<?> list) {
      list.forEach(d -> out.put(String.valueOf(d), "service_started"));
    } else {
      ComposeFile.map(deps).forEach((k, v) -> out.put(k, ComposeFile.map(v).getOrDefault("condition", "service_started")));
    }
    return out;
  }

  /**
   * checks the wiring between services: each subscription points at the broker service's port
   * 5672 and at a queue the broker creates; each datasource at the database service, its
   * database, and a role its initialisation script creates.
   *
   * @param compose the compose file.
   * @param variables the variables set when compose runs.
   * @param composeDirectory the directory of the compose file (relative volume sources).
   * @return the problems.
   */
  static List<String> wiringProblems(ComposeFile compose, Map<String, String> variables, Path composeDirectory) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> services = compose.services();
    services.forEach((name, service) -> {
      if (program(service).isEmpty()) {
        return;
      }
      if (program(service).get() == Program.SIMULATORS) {
        problems.addAll(simulatorTargetProblems(compose, name, service, variables));
        return;
      }
      Map<String, String> env = resolvedEnvironment(compose, name, variables);
      env.forEach((k, v) -> {
        if (k.startsWith("CFX_INGEST_SUBSCRIPTIONS_") && k.endsWith("_URI")) {
          AmqpUri uri = AmqpUri.parse(v);
          Map<String, Object> broker = services.get(uri.host());
          Object[] where = {"services", name, "environment", k};
          if (broker == null) {
            problems.add(compose.where(where) + ": subscribes to host " + uri.host() + ", which is not a service");
            return;
          }
          Map<String, String> brokerEnv = resolvedEnvironment(compose, uri.host(), variables);
          Set<String> queues = artemisQueues(brokerEnv.getOrDefault("EXTRA_ARGS", ""));
          if (!queues.contains(uri.address())) {
            problems.add(compose.where(where) + ": subscribes to address " + uri.address() + ", but broker " + uri.host() + " creates only "
                + queues + " (EXTRA_ARGS --queues)");
          }
          if (uri.port() != 5672) {
            problems.add(compose.where(where) + ": subscribes to port " + uri.port() + "; the broker's AMQP acceptor listens on 5672");
          }
          if (!String.valueOf(uri.user()).equals(brokerEnv.get("ARTEMIS_USER"))
              || !String.valueOf(uri.password()).equals(brokerEnv.get("ARTEMIS_PASSWORD"))) {
            problems.add(compose.where(where) + ": logs in with other credentials than the broker's ARTEMIS_USER / ARTEMIS_PASSWORD");
          }
        }
      });
      String jdbc = env.get("DATASOURCES_DEFAULT_URL");
      if (jdbc != null) {
        URI uri = URI.create(jdbc.substring("jdbc:".length()));
        Object[] where = {"services", name, "environment", "DATASOURCES_DEFAULT_URL"};
        Map<String, Object> db = services.get(uri.getHost());
        if (db == null) {
          problems.add(compose.where(where) + ": the database host " + uri.getHost() + " is not a service");
          return;
        }
        Map<String, String> dbEnv = resolvedEnvironment(compose, uri.getHost(), variables);
        String database = uri.getPath().substring(1);
        if (!database.equals(dbEnv.get("POSTGRES_DB"))) {
          problems.add(compose.where(where) + ": database " + database + " is not the one " + uri.getHost() + " creates (POSTGRES_DB "
              + dbEnv.get("POSTGRES_DB") + ")");
        }
        String user = env.get("DATASOURCES_DEFAULT_USERNAME");
        Set<String> roles = initRoles(db, composeDirectory);
        if (!roles.contains(user)) {
          problems.add(compose.where("services", name, "environment", "DATASOURCES_DEFAULT_USERNAME") + ": role " + user
              + " is not created by " + uri.getHost() + "'s initialisation scripts (they create " + roles + ")");
        }
      }
    });
    return problems;
  }

  /**
   * a simulator publishes where cfx-trace reads: a queue the broker creates (and the broker's
   * credentials), or an ingest service's listener port; and it waits for that service.
   */
  private static List<String> simulatorTargetProblems(
      ComposeFile compose, String name, Map<String, Object> service, Map<String, String> variables) {
    List<String> command = ComposeFile.strings(service.get("command")).stream().map(a -> Interpolation.parse(a).resolve(variables)).toList();
    Object[] where = {"services", name, "command"};
    String target = null;
    for (int i = 0; i < command.size(); i++) {
      if (command.get(i).equals("--target") && i + 1 < command.size()) {
        target = command.get(i + 1);
      } else if (command.get(i).startsWith("--target=")) {
        target = command.get(i).substring("--target=".length());
      }
    }
    if (target == null) {
      return List.of();
    }
    AmqpUri uri = AmqpUri.parse(target);
    Map<String, Map<String, Object>> services = compose.services();
    Map<String, Object> host = services.get(uri.host());
    if (host == null) {
      return List.of(compose.where(where) + ": the simulator publishes to host " + uri.host() + ", which is not a service");
    }
    List<String> problems = new ArrayList<>();
    Map<String, String> hostEnv = resolvedEnvironment(compose, uri.host(), variables);
    if (program(host).filter(Program.INGEST::equals).isPresent()) {
      if (!Program.INGEST.listenerPorts(hostEnv).containsValue(uri.port())) {
        problems.add(compose.where(where) + ": the simulator publishes to port " + uri.port() + " of " + uri.host() + ", which has listeners on "
            + Program.INGEST.listenerPorts(hostEnv));
      }
    } else {
      Set<String> queues = artemisQueues(hostEnv.getOrDefault("EXTRA_ARGS", ""));
      if (!queues.contains(uri.address()) || uri.port() != 5672) {
        problems.add(compose.where(where) + ": the simulator publishes to " + uri.redacted() + ", but broker " + uri.host() + " takes "
            + queues + " on port 5672");
      }
      if (!String.valueOf(uri.user()).equals(hostEnv.get("ARTEMIS_USER")) || !String.valueOf(uri.password()).equals(hostEnv.get("ARTEMIS_PASSWORD"))) {
        problems.add(compose.where(where) + ": the simulator logs in with other credentials than the broker's ARTEMIS_USER / ARTEMIS_PASSWORD");
      }
    }
    if (!dependsOn(service).containsKey(uri.host())) {
      problems.add(compose.where("services", name, "depends_on") + ": the simulator publishes to " + uri.host() + " but does not wait for it");
    }
    return problems;
  }

  /** the anycast queues {@code artemis create --queues a,b:anycast} makes. */
  static Set<String> artemisQueues(String extraArgs) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = Pattern.compile("--queues[ =](\\S+)").matcher(extraArgs);
    while (m.find()) {
      for (String q : m.group(1).split(",")) {
        String[] nameType = q.split(":");
        if (nameType.length == 1 || nameType[1].equalsIgnoreCase("anycast")) {
          out.add(nameType[0]);
        }
      }
    }
    return out;
  }

  /** the roles the database service's mounted init scripts create ({@code CREATE ROLE name}). */
  private static Set<String> initRoles(Map<String, Object> db, Path composeDirectory) {
    Set<String> roles = new LinkedHashSet<>();
    for (String volume : ComposeFile.strings(db.get("volumes"))) {
      String[] parts = volume.split(":");
      if (parts.length >= 2 && parts[0].startsWith(".") && parts[1].startsWith("/docker-entrypoint-initdb.d")) {
        try {
          Matcher m = Pattern.compile("(?i)CREATE ROLE (\\w+)").matcher(Files.readString(composeDirectory.resolve(parts[0]).normalize()));
          while (m.find()) {
            roles.add(m.group(1));
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read init script " + parts[0], e);
        }
      }
    }
    return roles;
  }

  /**
   * checks no secret has a value written in the compose file: outside the demo profile every
   * password, token and SASL user comes from a variable compose requires ({@code ${VAR:?msg}}),
   * with no default, and so does the password in any URI.
   *
   * @param compose the compose file.
   * @return the problems.
   */
  static List<String> secretProblems(ComposeFile compose) {
    List<String> problems = new ArrayList<>();
    compose.services().forEach((name, service) -> {
      if (demoOnly(service)) {
        return;
      }
      compose.environment(name).forEach((variable, raw) -> {
        Object[] where = {"services", name, "environment", variable};
        if (SECRET_NAME.matcher(variable).matches() && !Interpolation.parse(raw).isOneRequiredReference()) {
          problems.add(compose.where(where) + ": secret " + variable + " must come from a required variable such as ${" + variable
              + ":?message}, not \"" + raw + "\"");
        }
        if (!passwordInUriIsRequiredVariable(raw)) {
          problems.add(compose.where(where) + ": the password in the URI of " + variable + " must be a required variable ${NAME:?message}");
        }
      });
    });
    return problems;
  }

  /**
   * whether a value holding a URI with a password in its user info takes that password from one
   * required variable; true for values without such a URI.
   *
   * @param raw the value as written.
   * @return false for {@code amqp://cfx:secret@broker} or {@code amqp://cfx:${P:-x}@broker}.
   */
  static boolean passwordInUriIsRequiredVariable(String raw) {
    // each reference becomes one placeholder character, so ':' and '@' inside ${...} do not count
    List<Interpolation.Part> parts = Interpolation.parse(raw).parts();
    StringBuilder flat = new StringBuilder();
    List<Interpolation.Reference> refs = new ArrayList<>();
    for (Interpolation.Part p : parts) {
      if (p instanceof Interpolation.Reference r) {
        flat.append((char) (0xE000 + refs.size()));
        refs.add(r);
      } else {
        flat.append(((Interpolation.Literal) p).text());
      }
    }
    Matcher m = URI_PASSWORD.matcher(flat);
    if (!m.matches()) {
      return true;
    }
    String password = m.group(1);
    return password.length() == 1 && password.charAt(0) >= 0xE000 && password.charAt(0) < 0xE000 + refs.size()
        && refs.get(password.charAt(0) - 0xE000).required();
  }

  /**
   * the variables compose requires ({@code ${VAR:?...}} or {@code ${VAR?...}}) anywhere in the file.
   *
   * @param compose the compose file.
   * @return their names.
   */
  static Set<String> requiredVariables(ComposeFile compose) {
    Set<String> out = new LinkedHashSet<>();
    collect(compose.document(), out);
    return out;
  }

  private static void collect(Object value, Set<String> out) {
    if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> collect(v, out));
    } else if (value instanceof List<?> l) {
      l.forEach(v -> collect(v, out));
    } else if (value instanceof String s) {
      Interpolation.parse(s).references().stream().filter(Interpolation.Reference::required).forEach(r -> out.add(r.name()));
    }
  }

  /**
   * checks the command of each service running the simulators' command line parses with that
   * very command line (picocli, without running it).
   *
   * @param compose the compose file.
   * @return the problems.
   */
  static List<String> commandProblems(ComposeFile compose) {
    List<String> problems = new ArrayList<>();
    compose.services().forEach((name, service) -> program(service).filter(Program.SIMULATORS::equals).ifPresent(p -> {
      List<String> command = ComposeFile.strings(service.get("command"));
      if (service.get("command") instanceof String s) {
        command = List.of(s.strip().split("\\s+"));
      }
      try {
        CfxCli.newCommandLine().parseArgs(command.toArray(String[]::new));
      } catch (CommandLine.ParameterException e) {
        problems.add(compose.where("services", name, "command") + ": " + String.join(" ", command) + ": " + e.getMessage());
      }
    }));
    return problems;
  }

  /**
   * reads an env file ({@code KEY=VALUE} lines, {@code #} comments).
   *
   * @param file the file.
   * @return the variables.
   */
  static Map<String, String> envFile(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          int eq = l.indexOf('=');
          out.put(l.substring(0, eq), l.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }

  /**
   * reads a class-path resource as text.
   *
   * @param name the resource.
   * @return its text.
   */
  static String resource(String name) {
    try (InputStream in = DeploymentChecks.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
