package io.cfxtrace.simulators.line;

import java.util.List;

/**
 * a board type: its bill of materials with reference designators, and what the line loads into it.
 *
 * @param code a short code, used in recipe names.
 * @param firmwareVersion the firmware FCT programs.
 * @param placements every placement of the board, in placement order.
 */
public record Product(String code, String firmwareVersion, List<Placement> placements) {

  /** copies the list. */
  public Product {
    placements = List.copyOf(placements);
  }

  /**
   * one component of the bill of materials.
   *
   * @param referenceDesignator e.g. {@code R12}.
   * @param part what goes there.
   * @param machine the placement machine that places it: 1 the chip shooter, 2 the IC placer.
   */
  public record Placement(String referenceDesignator, Part part, int machine) {}

  /**
   * the placements one machine makes on this board.
   *
   * @param machine 1 or 2.
   * @return the placements, in order.
   */
  public List<Placement> placementsOn(int machine) {
    return placements.stream().filter(p -> p.machine() == machine).toList();
  }
}
