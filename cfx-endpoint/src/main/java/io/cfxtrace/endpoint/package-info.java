/**
 * The CFX endpoint on AMQP 1.0: {@link io.cfxtrace.endpoint.CfxEndpoint} listens for machines
 * (peer-to-peer, the part the abandoned official Java SDK never had), subscribes to brokers
 * (RabbitMQ, ActiveMQ Artemis, Qpid), publishes through a crash-safe spool, and sends and answers
 * CFX requests. The API speaks only cfx-model types; Proton-J stays in {@code internal}.
 *
 * <p><b>Engine and threads.</b> Proton-J is driven over Netty, as Apache Qpid JMS drives it: each
 * AMQP connection is one Netty channel served by one event-loop thread, and all of that
 * connection's engine state lives on that thread. Not the Proton-J reactor (maintenance mode, one
 * thread for all connections, its own TLS), not vertx-proton (a second Netty runtime whose Netty
 * line differs from the Micronaut services').
 *
 * <p><b>Delivery contract.</b> At-least-once: a received message is settled Accepted only once the
 * {@link io.cfxtrace.endpoint.EnvelopeSink} has stored it; undecodable payloads are stored as dead
 * letters and Accepted too (the SDK resends Rejected and Released messages in a tight loop); credit
 * is granted only as stores complete, within an endpoint-wide byte budget, so a slow store stops
 * the senders rather than filling memory.
 *
 * <p><b>Errors.</b> {@link io.cfxtrace.endpoint.CfxEndpointException} with a code, translated from
 * and to AMQP error conditions in one place.
 */
@NullMarked
package io.cfxtrace.endpoint;

import org.jspecify.annotations.NullMarked;
