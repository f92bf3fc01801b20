/**
 * {@code ./cfx ingest} and {@code ./cfx query}: the ingest and the query service on their own,
 * each in its own JVM, configured as a deployment configures them (environment variables such as
 * {@code DATASOURCES_DEFAULT_URL} or {@code CFX_INGEST_SUBSCRIPTIONS_<NAME>_URI}, or {@code
 * -Dname=value}), so that several ingest instances and a query service can run against one
 * database with nothing but the command-line jar.
 *
 * <ul>
 *   <li>{@link io.cfxtrace.simulators.service.ServiceCommand}: what both commands share: where
 *       the settings come from, the check before the start, the wait for Ctrl-C or SIGTERM, the
 *       orderly stop and the exit status.
 *   <li>{@link io.cfxtrace.simulators.service.ConfigurationCheck}: the settings checked against
 *       the services' own configuration records, each bad one named with its environment variable.
 *   <li>{@link io.cfxtrace.simulators.service.StopSignals}: SIGINT and SIGTERM as a stop request.
 * </ul>
 */
@NullMarked
package io.cfxtrace.simulators.service;

import org.jspecify.annotations.NullMarked;
