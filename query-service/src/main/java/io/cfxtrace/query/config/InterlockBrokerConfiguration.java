package io.cfxtrace.query.config;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.ReconnectPolicy;
import io.cfxtrace.endpoint.RequestChannelConfig;
import io.cfxtrace.endpoint.TlsConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * the interlocks' broker request address, under {@code cfx.query.interlocks.broker}: the service
 * also takes its requests from a queue on a broker, for machines that reach only the broker (a
 * CFX.EndpointConnected's RequestTargetAddress, {@code "/queue/SN23123"} in the CFX examples). The
 * shape of an ingest subscription ({@code cfx.ingest.subscriptions.<name>}).
 *
 * @param uri the broker, with user and password for SASL PLAIN, and the request address as its
 *     path; without a path, {@code /queue/<handle>} (RabbitMQ 3.x consumes from queue {@code
 *     <handle>}, declaring it; Artemis takes the name verbatim as an anycast address).
 * @param virtualHost the AMQP open hostname (RabbitMQ: {@code vhost:NAME}), or unset.
 * @param trustStore a PKCS12 trust store for amqps, or unset for the JVM's.
 * @param trustStorePassword its password.
 * @param credit requests taken and not yet answered.
 */
@ConfigurationProperties("cfx.query.interlocks.broker")
@Requires(property = "cfx.query.interlocks.broker")
public record InterlockBrokerConfiguration(
    @Nullable String uri,
    @Nullable String virtualHost,
    @Nullable String trustStore,
    @Nullable String trustStorePassword,
    @Bindable(defaultValue = "100") int credit) {

  /** checks the values, naming the setting. */
  public InterlockBrokerConfiguration {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("cfx.query.interlocks.broker.uri is not set: the other cfx.query.interlocks.broker.* settings need it");
    }
    AmqpUri.parse(uri); // a malformed URI stops the start here, naming it
    if (credit < 1 || credit > 10_000) {
      throw new IllegalArgumentException("cfx.query.interlocks.broker.credit is " + credit + ": expected 1 to 10000");
    }
    if (trustStore != null && !AmqpUri.parse(uri).tls()) {
      throw new IllegalArgumentException("cfx.query.interlocks.broker.trust-store is set but the URI is not amqps: " + AmqpUri.parse(uri).redacted());
    }
  }

  /**
   * the request channel these settings describe.
   *
   * @param handle the interlocks' CFX handle, for the default address.
   * @return the channel's settings.
   */
  public RequestChannelConfig toChannelConfig(String handle) {
    AmqpUri parsed = AmqpUri.parse(uri);
    TlsConfig tls = trustStore == null ? null : TlsConfig.trusting(Path.of(trustStore), trustStorePassword);
    String address = parsed.address() != null ? parsed.address() : "/queue/" + handle;
    return new RequestChannelConfig("interlocks", parsed, address, virtualHost, tls, credit, ReconnectPolicy.defaults());
  }
}
