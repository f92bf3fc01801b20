package io.cfxtrace.simulators.line;

import io.cfxtrace.simulators.line.Product.Placement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * the parts and the two board types the simulated lines build (a controller board and its
 * Ethernet variant, which share one family feeder set-up, so product changes need no re-setup).
 */
final class Catalog {

  static final Part RES_10K = new Part("RES-10K-0402", "0402", 10_000, 8, 10_000.0, "Ohm");
  static final Part RES_4K7 = new Part("RES-4K7-0402", "0402", 10_000, 8, 4_700.0, "Ohm");
  static final Part RES_100R = new Part("RES-100R-0402", "0402", 10_000, 8, 100.0, "Ohm");
  static final Part CAP_100N = new Part("CAP-100N-0402", "0402", 10_000, 8, 100.0, "nF");
  static final Part CAP_10U = new Part("CAP-10U-0603", "0603", 4_000, 8, 10.0, "uF");
  static final Part LED_GREEN = new Part("LED-GRN-0603", "0603", 4_000, 8, 2.0, "V");
  static final Part MCU = new Part("IC-MCU-QFN48", "QFN48", 500, 16, null, null);
  static final Part LDO = new Part("IC-LDO-SOT23", "SOT23-5", 3_000, 8, null, null);
  static final Part FET = new Part("FET-N-SOT23", "SOT23", 3_000, 8, null, null);
  static final Part USB_C = new Part("CONN-USB-C", "USB-C-SMD", 800, 24, null, null);
  static final Part PHY = new Part("IC-ETH-PHY-QFN32", "QFN32", 500, 12, null, null);
  static final Part XTAL = new Part("XTAL-8M-3225", "3225", 1_000, 8, null, null);

  /** solder paste: one cartridge is one package. */
  static final String PASTE_PART = "PASTE-SAC305-T4";

  static final Product CONTROLLER = new Product("CTRL-A", "3.2.1", bom(
      range("R", 1, 8, RES_10K, 1), range("R", 9, 12, RES_4K7, 1), range("R", 13, 14, RES_100R, 1),
      range("C", 1, 10, CAP_100N, 1), range("C", 11, 13, CAP_10U, 1), range("D", 1, 2, LED_GREEN, 1),
      List.of(new Placement("U1", MCU, 2), new Placement("U2", LDO, 2), new Placement("Q1", FET, 2), new Placement("Q2", FET, 2),
          new Placement("J1", USB_C, 2), new Placement("Y1", XTAL, 2))));

  static final Product ETHERNET = new Product("CTRL-E", "3.2.1-eth", bom(
      range("R", 1, 6, RES_10K, 1), range("R", 7, 10, RES_4K7, 1), range("C", 1, 8, CAP_100N, 1), range("C", 9, 12, CAP_10U, 1),
      range("D", 1, 1, LED_GREEN, 1),
      List.of(new Placement("U1", MCU, 2), new Placement("U2", LDO, 2), new Placement("U3", PHY, 2), new Placement("Q1", FET, 2),
          new Placement("Y1", XTAL, 2))));

  static final List<Product> PRODUCTS = List.of(CONTROLLER, ETHERNET);

  private Catalog() {}

  /**
   * the parts one machine needs for every product: its family feeder set-up, one feeder each.
   *
   * @param machine 1 or 2.
   * @return the parts, in a fixed order.
   */
  static List<Part> setup(int machine) {
    Set<Part> parts = new LinkedHashSet<>();
    for (Product p : PRODUCTS) {
      for (Placement pl : p.placementsOn(machine)) {
        parts.add(pl.part());
      }
    }
    return List.copyOf(parts);
  }

  @SafeVarargs
  private static List<Placement> bom(List<Placement>... groups) {
    List<Placement> all = new ArrayList<>();
    for (List<Placement> g : groups) {
      all.addAll(g);
    }
    return all;
  }

  private static List<Placement> range(String prefix, int from, int to, Part part, int machine) {
    List<Placement> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(new Placement(prefix + i, part, machine));
    }
    return out;
  }
}
