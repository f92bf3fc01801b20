/**
 * CFX envelopes into the per-unit tables, so that the tables are a function of the <i>set</i> of
 * stored envelopes: the same envelopes, in any order, through any number of ingest instances,
 * after crashes and resends, give the same rows (issue #12).
 *
 * <p><b>Where a message lands.</b> {@link io.cfxtrace.ingest.normalize.Projections} is the one
 * table: every typed CFX message, in namespace order, next to the projector method that writes its
 * rows, or marked raw only (kept in {@code raw_message}, nothing derived; so is every message the
 * model carries as a generic body). There is one projector per CFX domain: {@link
 * UnitFlowProjector} (work, stages, arrival, identification, carriers), {@link MaterialProjector}
 * (storage, management, installed and applied materials), {@link InspectionProjector}
 * (inspection, test, repair, readings, personalisation), {@link ProcessDataProjector}
 * (UnitsProcessed) and {@link StationProjector} (station state, faults, operators, recipes), with
 * what they share in {@link Projector}. {@link CfxNormalizer} runs the batches: their connection,
 * the transaction scopes below, and the call into the table for each message.
 *
 * <p><b>Where a message's rows can depend on other messages.</b> Only in four places, each with
 * its own rule:
 *
 * <ul>
 *   <li><b>A work transaction</b> (CFX TransactionID): WorkStarted names the units by position,
 *       MaterialsInstalled may name only the panel and the position, WorkCompleted may name the
 *       serials late. A transaction's messages are normalised in event order ({@link
 *       StoredEnvelope#SCOPE_ORDER}: event time, WorkStarted first and WorkCompleted last among
 *       equal times, then UniqueID), whatever order they arrived in; {@link TransactionScopes}
 *       keeps the state after the stored ones ({@code transaction_scope}), continues it when a
 *       batch's messages come later, and derives the whole transaction again (its rows deleted,
 *       its stored envelopes read back from {@code raw_message}) when one comes earlier.
 *   <li><b>Aliases and panel edges</b> ({@code <panel>#<n>} to a serial, panel to board): one row
 *       per message that teaches one, with its event time and transaction. Which message taught
 *       an alias first depends on arrival; the set of teaching messages does not, and the alias
 *       holds from the earliest of them (the query service's {@code unit_keys}/{@code unit_at}
 *       take the union of a unit's rows).
 *   <li><b>Material setups and operator sessions</b> end at the earliest end after their start
 *       (unload, empty, splice, another package loaded at the location; a deactivation), applied
 *       to setups stored earlier and looked up for setups stored later, so that an end stored
 *       before its start still closes it; ties have a fixed order ({@code StoreBatch}).
 *   <li><b>Material packages</b>: one row per package and distinct content, keeping the earliest
 *       message that stated it ({@code content_hash}, merged with ON CONFLICT).
 * </ul>
 *
 * <p><b>Why write-time repair, not read-time resolution.</b> The query service's latency targets
 * (a birth certificate in milliseconds at ten million events) rest on rows keyed by the unit, read
 * by index; resolving every row through its transaction's messages at read time would put that
 * work on every query. A transaction derived again costs one delete and one normalisation of a
 * handful of messages, and happens only when its messages arrive out of event order (competing
 * consumers, resends). No guess survives: a per-unit result that arrives before its WorkStarted is
 * keyed by what it says (the identifier it gives for the position), and when the WorkStarted comes,
 * the transaction is derived again as if the messages had come in order.
 *
 * <p><b>Several writers.</b> Memory only speeds up what the store says: a batch prepared ahead on
 * states not yet committed claims its transactions' versions when it commits, and is written again
 * under the row locks of {@code transaction_scope} when another writer got there first; station
 * interval ends are computed under per-station advisory locks; envelope keys, scopes and stations
 * are locked in one order on every instance, and a deadlock or serialization failure that still
 * happens is transient and retried.
 */
@NullMarked
package io.cfxtrace.ingest.normalize;

import org.jspecify.annotations.NullMarked;
