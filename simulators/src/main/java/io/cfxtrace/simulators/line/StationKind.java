package io.cfxtrace.simulators.line;

import java.util.List;

/** the kinds of station on a simulated line, in line order, with what they say of themselves. */
public enum StationKind {
  /** laser marker: serials are born here (UnitsInitialized). */
  LASER("Laser", "LSR01", "Laser marker LM-20", List.of("CFX.Production", "CFX.ResourcePerformance")),
  /** screen printer. */
  PRINTER("Printer", "PRN01", "Screen printer SP-900", List.of("CFX.Production", "CFX.Materials", "CFX.ResourcePerformance", "CFX.Sensor")),
  /** solder paste inspection. */
  SPI("SPI", "SPI01", "3D SPI SI-3", List.of("CFX.Production", "CFX.ResourcePerformance")),
  /** the chip shooter. */
  PLACER1("Placer", "PNP01", "Chip shooter CS-40", List.of("CFX.Production", "CFX.Materials", "CFX.ResourcePerformance")),
  /** the IC placer. */
  PLACER2("Placer", "PNP02", "Fine-pitch placer FP-12", List.of("CFX.Production", "CFX.Materials", "CFX.ResourcePerformance")),
  /** reflow oven. */
  OVEN("Oven", "RFL01", "Reflow oven RO-10Z", List.of("CFX.Production", "CFX.ResourcePerformance")),
  /** automated optical inspection. */
  AOI("AOI", "AOI01", "3D AOI AI-7", List.of("CFX.Production", "CFX.ResourcePerformance")),
  /** rework station. */
  REPAIR("Repair", "RPR01", "Rework station RW-2", List.of("CFX.Production")),
  /** in-circuit tester. */
  ICT("ICT", "ICT01", "In-circuit tester IC-500", List.of("CFX.Production", "CFX.ResourcePerformance", "CFX.Sensor")),
  /** functional tester with firmware programming. */
  FCT("FCT", "FCT01", "Functional tester FT-8 with programmer", List.of("CFX.Production", "CFX.ResourcePerformance"));

  private final String area;
  private final String unit;
  private final String model;
  private final List<String> topics;

  StationKind(String area, String unit, String model, List<String> topics) {
    this.area = area;
    this.unit = unit;
    this.model = model;
    this.topics = topics;
  }

  /**
   * the station's CFX handle on a line.
   *
   * @param line the line number, from 1.
   * @return e.g. {@code Line1.SPI.SPI01}.
   */
  public String handle(int line) {
    return "Line" + line + "." + area + "." + unit;
  }

  /**
   * the model name it reports in GetEndpointInformationResponse.
   *
   * @return the model.
   */
  public String model() {
    return model;
  }

  /**
   * the CFX topics it reports.
   *
   * @return the topics.
   */
  public List<String> topics() {
    return topics;
  }
}
