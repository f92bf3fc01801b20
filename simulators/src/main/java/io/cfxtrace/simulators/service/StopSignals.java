package io.cfxtrace.simulators.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop the services this JVM runs: each running
 * {@code ./cfx ingest} or {@code ./cfx query} closes its service in order and returns exit status
 * 0, as a service manager expects of a clean stop.
 *
 * <p>Why signal handlers rather than a shutdown hook: once a signal has started the JVM's
 * shutdown, it exits with 130 or 143 whatever a hook does, and its hooks run side by side in no
 * order (the embedded PostgreSQL's own hook among them). {@code sun.misc.Signal} (module {@code
 * jdk.unsupported}) is the JDK's only way to take the signal instead. The handlers are installed
 * while at least one service runs and the JVM's previous ones restored after the last, so a test
 * JVM that runs services in-process gets its own handling back. Where a signal cannot be taken
 * (no SIGTERM on Windows, or a JVM started with {@code -Xrs}) the commands' shutdown hooks still
 * close the services.
 *
 * <p>Thread-safe. Listeners run on the JVM's signal-dispatch thread and must only hand the
 * request over (count down a latch), never block.
 */
@SuppressForbidden // sun.misc.Signal: see above
final class StopSignals {

  private static final List<String> SIGNALS = List.of("INT", "TERM");
  private static final List<Runnable> LISTENERS = new ArrayList<>();
  private static final Map<String, SignalHandler> PREVIOUS = new LinkedHashMap<>();

  private StopSignals() {}

  /** a listener's registration; closing it removes the listener. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * calls a listener on each SIGINT or SIGTERM until the registration is closed.
   *
   * @param listener what to do: hand the request to the thread that stops the service.
   * @return the registration.
   */
  static synchronized Registration onStop(Runnable listener) {
    if (LISTENERS.isEmpty()) {
      install();
    }
    LISTENERS.add(listener);
    return () -> remove(listener);
  }

  private static void install() {
    for (String name : SIGNALS) {
      try {
        PREVIOUS.put(name, Signal.handle(new Signal(name), StopSignals::received));
      } catch (IllegalArgumentException e) {
        // this platform or JVM does not let us have it: the shutdown hook closes the service
      }
    }
  }

  private static void received(Signal signal) {
    List<Runnable> listeners;
    synchronized (StopSignals.class) {
      listeners = List.copyOf(LISTENERS);
    }
    listeners.forEach(Runnable::run);
  }

  private static synchronized void remove(Runnable listener) {
    if (LISTENERS.remove(listener) && LISTENERS.isEmpty()) {
      PREVIOUS.forEach((name, handler) -> Signal.handle(new Signal(name), handler));
      PREVIOUS.clear();
    }
  }
}
