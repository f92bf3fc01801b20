package io.cfxtrace.query.conflict;

import java.time.Instant;

/**
 * one work transaction of a unit at a station, from its start to its end ({@link
 * io.cfxtrace.query.store.WorkWindows}).
 *
 * @param station the station's CFX handle.
 * @param line the line the station is on: the first segment of the handle ({@link #lineOf}).
 * @param transaction the CFX TransactionID.
 * @param started the window's start.
 * @param ended the window's end (equal to the start for a transaction of one event).
 */
public record WorkWindow(String station, String line, String transaction, Instant started, Instant ended) {

  /**
   * a window, with the line taken from the station's handle.
   *
   * @param station the station's CFX handle.
   * @param transaction the CFX TransactionID.
   * @param started the window's start.
   * @param ended the window's end.
   * @return the window.
   */
  public static WorkWindow of(String station, String transaction, Instant started, Instant ended) {
    return new WorkWindow(station, lineOf(station), transaction, started, ended);
  }

  /**
   * the line of a station: the first dot-separated segment of its CFX handle ({@code
   * Line1.Placer.PNP01} is on {@code Line1}), the whole handle when it has no dot. CFX does not
   * fix the form of a handle; this is the form the simulators give theirs ({@code
   * Line<n>.<area>.<unit>}) and the one a factory is asked to follow to see lines here.
   *
   * @param station the station's CFX handle.
   * @return its line.
   */
  public static String lineOf(String station) {
    int dot = station.indexOf('.');
    return dot < 0 ? station : station.substring(0, dot);
  }
}
