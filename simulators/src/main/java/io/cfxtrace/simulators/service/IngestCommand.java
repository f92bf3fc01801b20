package io.cfxtrace.simulators.service;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.ingest.IngestApplication;
import io.cfxtrace.ingest.IngestEndpoint;
import io.cfxtrace.ingest.config.IngestConfiguration;
import io.cfxtrace.ingest.config.ListenerProperties;
import io.cfxtrace.ingest.config.StoreConfiguration;
import io.cfxtrace.ingest.config.SubscriptionProperties;
import io.cfxtrace.ingest.store.EmbeddedDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/**
 * {@code ./cfx ingest}: the ingest service on its own, configured as it is deployed (environment
 * variables, {@code -D} settings, its own {@code application.yml}); see {@link ServiceCommand}.
 *
 * <p>Besides the checks its configuration records imply, it refuses to start with neither a
 * listener nor a broker subscription: such a service would receive nothing, and nothing would say
 * so. Without a datasource URL the service starts its embedded PostgreSQL, as it does from the
 * build.
 */
@Command(
    name = "ingest",
    header = "Run the ingest service on its own: CFX over AMQP into the event store.",
    description = {
      "It receives from listeners machines publish to, or from broker queues, and",
      "writes PostgreSQL or TimescaleDB.",
      "Configured like a deployment, by environment variables or -D settings (below).",
      "Ctrl-C or SIGTERM stops it (exit status 0); a bad setting exits with 2."
    },
    separator = " ",
    sortOptions = false,
    mixinStandardHelpOptions = true)
public final class IngestCommand extends ServiceCommand {

  @Override
  String name() {
    return "ingest";
  }

  @Override
  List<Setting> mainSettings() {
    return List.of(
        new Setting("datasources.default.url", "the event store, e.g. jdbc:postgresql://db:5432/cfxtrace",
            "an embedded PostgreSQL 15 in cfx.store.embedded-data-directory"),
        new Setting("datasources.default.username", "the database user; it runs the schema migrations"),
        new Setting("datasources.default.password", "its password"),
        new Setting("micronaut.server.port", "HTTP port of /health and /prometheus"),
        new Setting("cfx.ingest.listeners.<name>.port", "a CFX peer-to-peer listener: machines publish to amqp://<host>:<port>"),
        new Setting("cfx.ingest.listeners.<name>.host", "the interface it binds"),
        new Setting("cfx.ingest.listeners.<name>.allow-anonymous", "whether machines may connect without a user (SASL ANONYMOUS)"),
        new Setting("cfx.ingest.listeners.<name>.users.<user>", "a machine user's password (SASL PLAIN)"),
        new Setting("cfx.ingest.subscriptions.<name>.uri",
            "a broker queue to consume, e.g. amqp://cfx:secret@broker:5672/amq/queue/cfx; instances on one queue share it"),
        new Setting("cfx.ingest.subscriptions.<name>.durable", "ask for a durable source (RabbitMQ declares /queue/<q> durable)"),
        new Setting("cfx.ingest.handle", "the CFX handle requests are answered at"),
        new Setting("cfx.ingest.zoneless-offset", "UTC offset assumed for CFX times written without a zone"),
        new Setting("cfx.store.embedded-data-directory", "the embedded PostgreSQL's data, kept between runs"),
        new Setting("cfx.store.retention", "TimescaleDB: drop chunks older than this; 0s keeps everything"));
  }

  @Override
  List<ConfigurationCheck.Section> sections() {
    return List.of(
        ConfigurationCheck.Section.of(IngestConfiguration.class),
        ConfigurationCheck.Section.of(ListenerProperties.class),
        ConfigurationCheck.Section.of(SubscriptionProperties.class),
        ConfigurationCheck.Section.of(StoreConfiguration.class));
  }

  @Override
  Set<String> alsoKnown() {
    return Set.of("cfx.ingest.enabled");
  }

  @Override
  Map<String, Object> fixedSettings() {
    // the query service's beans are on the class path too (its controllers would answer on this
    // service's HTTP port): keep them out, as ./cfx demo does
    return Map.of("cfx.ingest.enabled", true, "cfx.query.enabled", false);
  }

  @Override
  void checkMore(ConfigurationCheck check, Environment environment) {
    check.amqpUris("cfx.ingest.subscriptions", "uri");
    if (environment.getPropertyEntries("cfx.ingest.listeners").isEmpty() && environment.getPropertyEntries("cfx.ingest.subscriptions").isEmpty()) {
      check.problem("nothing to receive from: give it a listener (e.g. CFX_INGEST_LISTENERS_LINE1_PORT=5673) or a broker subscription"
          + " (e.g. CFX_INGEST_SUBSCRIPTIONS_BROKER_URI=amqp://cfx:secret@broker:5672/amq/queue/cfx)");
    }
  }

  @Override
  ApplicationContext start(ApplicationContextBuilder builder) {
    return IngestApplication.start(builder);
  }

  @Override
  void describe(ApplicationContext context, Consumer<String> say) {
    Environment environment = context.getEnvironment();
    Optional<EmbeddedDatabase> embedded = context.findBean(EmbeddedDatabase.class);
    if (embedded.isPresent()) {
      say.accept("event store: embedded PostgreSQL 15 at " + embedded.get().jdbcUrl() + " (user postgres), data in " + embedded.get().dataDirectory());
    } else {
      say.accept("event store: " + ConfigurationCheck.redact(environment.getProperty("datasources.default.url", String.class).orElse("?"))
          + environment.getProperty("datasources.default.username", String.class).map(u -> " as " + u).orElse(""));
    }
    IngestEndpoint endpoint = context.getBean(IngestEndpoint.class);
    context.getBeansOfType(ListenerProperties.class).stream().sorted(Comparator.comparing(ListenerProperties::name)).forEach(l -> {
      Listener listener = endpoint.listeners().get(l.name());
      String host = l.host().equals("0.0.0.0") || l.host().equals("::") ? "<this host>" : l.host();
      say.accept("listener " + l.name() + ": machines publish to amqp://" + host + ":" + listener.port() + "/<any address>"
          + (l.allowAnonymous() ? "" : " with a user and password"));
    });
    context.getBeansOfType(SubscriptionProperties.class).stream().sorted(Comparator.comparing(SubscriptionProperties::name))
        .forEach(s -> say.accept("subscription " + s.name() + ": consumes " + AmqpUri.parse(s.uri()).redacted()));
    int http = context.getBean(EmbeddedServer.class).getPort();
    say.accept("health at http://localhost:" + http + "/health, metrics at http://localhost:" + http + "/prometheus");
  }
}
