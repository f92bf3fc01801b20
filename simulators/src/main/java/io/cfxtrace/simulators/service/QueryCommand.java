package io.cfxtrace.simulators.service;

import io.cfxtrace.query.QueryApplication;
import io.cfxtrace.query.config.AuthConfiguration;
import io.cfxtrace.query.config.FeedConfiguration;
import io.cfxtrace.query.config.QueryConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/**
 * {@code ./cfx query}: the query service on its own, configured as it is deployed (environment
 * variables, {@code -D} settings, its own {@code application.yml}); see {@link ServiceCommand}.
 *
 * <p>It needs a datasource URL (it reads the store an ingest service writes, and starts no
 * database of its own) and, unless {@code cfx.query.auth.enabled=false}, at least one bearer token.
 */
@Command(
    name = "query",
    header = "Run the query service on its own: the API and web UI over the event store.",
    description = {
      "Birth certificates, where-used, timelines and the live feed, read from the",
      "store an ingest service writes.",
      "Configured like a deployment, by environment variables or -D settings (below).",
      "Ctrl-C or SIGTERM stops it (exit status 0); a bad setting exits with 2."
    },
    separator = " ",
    sortOptions = false,
    mixinStandardHelpOptions = true)
public final class QueryCommand extends ServiceCommand {

  @Override
  String name() {
    return "query";
  }

  @Override
  List<Setting> mainSettings() {
    return List.of(
        new Setting("datasources.default.url", "the event store an ingest service writes (a read replica will do); required"),
        new Setting("datasources.default.username", "a database user that may only read, e.g. cfx_query"),
        new Setting("datasources.default.password", "its password"),
        new Setting("micronaut.server.port", "HTTP port of the API, the web UI and /health"),
        new Setting("cfx.query.auth.enabled", "whether every /api request needs a bearer token"),
        new Setting("cfx.query.auth.tokens", "the accepted tokens, comma-separated; required while auth is on"),
        new Setting("cfx.query.statement-timeout", "how long one SQL statement may run before the request answers 503"),
        new Setting("cfx.query.longest-transaction", "the longest a work transaction lasts (how far where-used looks back)"),
        new Setting("cfx.query.feed.max-clients", "live feed streams (GET /api/events/stream) open at once"));
  }

  @Override
  List<ConfigurationCheck.Section> sections() {
    return List.of(
        ConfigurationCheck.Section.of(QueryConfiguration.class),
        ConfigurationCheck.Section.of(AuthConfiguration.class),
        ConfigurationCheck.Section.of(FeedConfiguration.class));
  }

  @Override
  Set<String> alsoKnown() {
    return Set.of("cfx.query.enabled");
  }

  @Override
  Map<String, Object> fixedSettings() {
    // the ingest service's beans and its Flyway migrations are on the class path too: this service
    // only reads, so neither may run here (as in ./cfx demo)
    return Map.of("cfx.query.enabled", true, "cfx.ingest.enabled", false, "flyway.enabled", false);
  }

  @Override
  void checkMore(ConfigurationCheck check, Environment environment) {
    check.required("datasources.default.url", "the query service reads the event store an ingest service writes,"
        + " e.g. DATASOURCES_DEFAULT_URL=jdbc:postgresql://db:5432/cfxtrace");
  }

  @Override
  ApplicationContext start(ApplicationContextBuilder builder) {
    ApplicationContext context = builder.mainClass(QueryApplication.class).banner(false).build();
    try {
      context.start();
      context.findBean(EmbeddedApplication.class).ifPresent(app -> {
        if (!app.isRunning()) {
          app.start();
        }
      });
      return context;
    } catch (RuntimeException e) {
      try {
        context.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  @Override
  void describe(ApplicationContext context, Consumer<String> say) {
    Environment environment = context.getEnvironment();
    say.accept("event store: " + ConfigurationCheck.redact(environment.getProperty("datasources.default.url", String.class).orElse("?"))
        + environment.getProperty("datasources.default.username", String.class).map(u -> " as " + u).orElse("") + ", read-only");
    AuthConfiguration auth = context.getBean(AuthConfiguration.class);
    say.accept(auth.enabled()
        ? "every /api request needs a bearer token (one of " + auth.tokens().size() + ")"
        : "no authentication (cfx.query.auth.enabled=false): anyone who reaches the port can read the store");
    int http = context.getBean(EmbeddedServer.class).getPort();
    say.accept("API at http://localhost:" + http + "/api/units/{serial} (where-used, timelines: see the README), web UI at http://localhost:"
        + http + "/, health at /health");
  }
}
