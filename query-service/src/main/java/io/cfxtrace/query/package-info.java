/**
 * the query service: a Micronaut HTTP application that reads the event store the ingest service
 * writes and reconstructs the genealogy of units and materials.
 *
 * <ul>
 *   <li>{@code GET /api/units/{id}}: the birth certificate of a unit ({@link
 *       io.cfxtrace.query.unit.UnitController});
 *   <li>{@code GET /api/materials/{packageId}/units} and {@code GET /api/lots/{lot}/units}: where a
 *       reel or a lot was used, as JSON or CSV ({@link io.cfxtrace.query.material.WhereUsedController}),
 *       by link or by board a page at a time ({@link io.cfxtrace.query.material.RecallQuery});
 *   <li>{@code GET /api/events/stream}: the envelopes as they are stored, as Server-Sent Events
 *       ({@link io.cfxtrace.query.feed.FeedController});
 *   <li>{@code /ui/}: the web UI (static pages from the jar), and {@code /swagger/cfx-query.yml}:
 *       the OpenAPI document written at build time.
 * </ul>
 *
 * <p>{@code /api/**} needs a bearer token ({@link io.cfxtrace.query.auth.BearerTokenFilter}).
 *
 * <p>The service only reads. Its connections come from a Hikari pool configured {@code read-only:
 * true} (with the driver's {@code readOnlyMode=always}, so PostgreSQL refuses writes even in
 * auto-commit), and in production it logs in with a database role that has {@code SELECT} rights
 * on the event store's tables and nothing else: a bug here can never change the record. The store
 * is named by the usual Micronaut settings ({@code datasources.default.url}, {@code username},
 * {@code password}, or {@code DATASOURCES_DEFAULT_URL} and so on in the environment).
 */
@NullMarked
@Configuration
@Requires(property = "cfx.query.enabled", notEquals = "false")
package io.cfxtrace.query;

// cfx.query.enabled=false keeps every bean of the query service (this package and its
// sub-packages) out of a context, as cfx.ingest.enabled does for the ingest service: ./cfx demo
// runs both services in one JVM, each context on the one class path
import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import org.jspecify.annotations.NullMarked;
