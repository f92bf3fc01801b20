/**
 * {@code ./cfx simulate}: a seeded SMT line whose stations publish coherent CFX traffic.
 *
 * <p>Three parts, kept apart so that each can be tested alone:
 *
 * <ul>
 *   <li>{@link io.cfxtrace.simulators.line.LineSimulator}: a pure generator. From a {@link
 *       io.cfxtrace.simulators.line.SimulationPlan} (seed, lines, boards, panel size, start time)
 *       it yields every station's envelopes in time order, and reports the ground truth (which
 *       reel or paste cartridge went into which board at which designator) as {@link
 *       io.cfxtrace.simulators.line.TruthLink}s. Same plan, same output, byte for byte.
 *   <li>{@link io.cfxtrace.simulators.line.StationEndpoints}: the transport. Each station is a
 *       CFX endpoint of its own (cfx-endpoint's {@code CfxEndpoint}): a spooled publisher to the
 *       target broker or listener, in the SDK's wire format, and a request listener that answers
 *       AreYouThere, WhoIsThere and GetEndpointInformation at the station's handle.
 *   <li>{@link io.cfxtrace.simulators.line.Pacer}: real time, scaled time or as fast as possible.
 * </ul>
 *
 * <p>The line: a laser marker (UnitsInitialized: the boards' serials are born, one per panel
 * position), a screen printer (IdentifiersRead of the panel barcode, solder paste cartridges
 * loaded and replaced, UnitsProcessed with printing data), SPI (UnitsInspected with solder paste
 * measurements), two placement machines (feeder set-up with MaterialsLoaded, MaterialsInstalled
 * per board with reference designators, splices on the chip shooter, reel changes on the IC
 * placer), a reflow oven (UnitsProcessed with zone set-points and readings), AOI (occasional
 * defects), a rework station (UnitsRepaired, or UnitsDisqualified when the repair fails), ICT on
 * the panel in serial mode (UnitsTested with a measurement per passive) and, after depaneling,
 * FCT board by board with firmware programming (UnitsPersonalized: firmware version and hash,
 * MAC address). Every station sends UnitsArrived/UnitsDeparted, WorkStarted/WorkCompleted,
 * OperatorActivated, RecipeActivated on product changes, StationStateChanged, occasional
 * FaultOccurred/FaultCleared, and a Heartbeat every simulated minute.
 *
 * <p>With reusable carriers ({@link io.cfxtrace.simulators.line.SimulationPlan#carriers()}), the
 * panels of a line travel on a pool of carriers whose ids the stations name instead of the
 * panels', and the boards are unloaded (UnitsUnloaded) before FCT: the same {@code
 * <carrier>#<position>} names another board on every trip, which the truth records per link.
 */
@NullMarked
package io.cfxtrace.simulators.line;

import org.jspecify.annotations.NullMarked;
