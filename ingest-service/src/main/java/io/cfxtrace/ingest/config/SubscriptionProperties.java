package io.cfxtrace.ingest.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * a broker subscription, under {@code cfx.ingest.subscriptions.<name>}.
 *
 * @param name the subscription's name (the key in the configuration).
 * @param uri the broker and address, for example {@code amqp://cfx:secret@broker:5672/queue/cfx}.
 * @param virtualHost the AMQP open hostname (RabbitMQ: {@code vhost:NAME}), or unset.
 * @param trustStore a PKCS12 trust store for amqps, or unset for the JVM's.
 * @param trustStorePassword its password.
 * @param credit deliveries in flight.
 * @param durable whether to ask the broker for a durable source.
 */
@EachProperty("cfx.ingest.subscriptions")
public record SubscriptionProperties(
    @Parameter String name,
    @NotBlank String uri,
    @Nullable String virtualHost,
    @Nullable String trustStore,
    @Nullable String trustStorePassword,
    @Bindable(defaultValue = "300") @Min(1) @Max(10000) int credit,
    @Bindable(defaultValue = "false") boolean durable) {}
