package io.cfxtrace.simulators.line;

import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupResponse;
import java.time.Instant;

/**
 * what the simulated stations ask before they work (issue #15): the endpoint that implements unit
 * and setup validation (cfx-trace's interlock handle, {@link CfxInterlock}), as CFX machines
 * configured with an interlock ask it. {@link LineSimulator} acts on each answer.
 *
 * <p>The simulator calls it on its generating thread, only once every envelope due before {@code
 * at} has been yielded to the caller, so that an implementation can make sure the target has
 * stored them before it asks (the answer reads the unit's history). Calls are made one at a time,
 * in the order of the simulated clock.
 */
public interface Interlock {

  /**
   * CFX.InformationSystem.UnitValidation.ValidateUnitsRequest from a station before it works.
   *
   * @param station the asking station's handle (the request's Source).
   * @param at the simulated time it asks.
   * @param request the request.
   * @return the answer.
   * @throws NoAnswerException when no answer came; the station waits and asks again.
   */
  ValidateUnitsResponse validateUnits(String station, Instant at, ValidateUnitsRequest request);

  /**
   * CFX.Materials.Storage.ValidateStationSetupRequest from a placer before it loads a reel.
   *
   * @param station the asking station's handle.
   * @param at the simulated time it asks.
   * @param request the request, one position with the reel in its MaterialPackage member.
   * @return the answer.
   * @throws NoAnswerException when no answer came; the station waits and asks again.
   */
  ValidateStationSetupResponse validateSetup(String station, Instant at, ValidateStationSetupRequest request);

  /** no answer came (the interlock unreachable, a timeout, the target not storing what came before). */
  final class NoAnswerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * why.
     *
     * @param message what failed, naming the handle and the cause.
     * @param cause the cause, or null.
     */
    public NoAnswerException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
      super(message, cause);
    }
  }
}
