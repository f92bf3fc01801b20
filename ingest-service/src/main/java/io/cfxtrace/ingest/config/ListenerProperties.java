package io.cfxtrace.ingest.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * a peer-to-peer AMQP listener machines publish to, under {@code cfx.ingest.listeners.<name>}.
 *
 * @param name the listener's name (the key in the configuration).
 * @param host the interface to bind.
 * @param port the TCP port (not 5672 by default: a local broker often holds it).
 * @param addresses addresses machines may publish to; unset or empty accepts any.
 * @param allowAnonymous whether SASL ANONYMOUS is offered.
 * @param users SASL PLAIN users and passwords.
 * @param keyStore a PKCS12 key store to listen with TLS (amqps), or unset.
 * @param keyStorePassword its password.
 * @param maxMessageMb the largest message in MiB.
 * @param credit deliveries in flight per link.
 */
@EachProperty("cfx.ingest.listeners")
public record ListenerProperties(
    @Parameter String name,
    @Bindable(defaultValue = "0.0.0.0") @NotBlank String host,
    @Bindable(defaultValue = "5673") @Min(0) @Max(65535) int port,
    @Nullable List<String> addresses,
    @Bindable(defaultValue = "true") boolean allowAnonymous,
    @Nullable Map<String, String> users,
    @Nullable String keyStore,
    @Nullable String keyStorePassword,
    @Bindable(defaultValue = "64") @Min(1) @Max(2000) int maxMessageMb,
    @Bindable(defaultValue = "100") @Min(1) @Max(10000) int credit) {}
