package io.cfxtrace.endpoint.listener;

import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.Listener;
import io.cfxtrace.endpoint.ListenerConfig;
import io.cfxtrace.endpoint.RecordingSink;
import io.cfxtrace.endpoint.testing.JmsMachine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * one of our endpoints with one listener on a free loopback port and a {@link RecordingSink}, plus
 * the Qpid JMS machines a test connects to it; {@link #close()} closes the machines, then the
 * endpoint.
 */
final class TestListener implements AutoCloseable {

  /** the CFX handle of the endpoint under test: requests are addressed to it. */
  static final String HANDLE = "CfxTrace.Test.Listener";

  /** the listener name, which becomes {@code MessageOrigin.channel}. */
  static final String NAME = "line1";

  final CfxEndpoint endpoint;
  final Listener listener;
  final RecordingSink sink = new RecordingSink();
  private final List<JmsMachine> machines = new CopyOnWriteArrayList<>();

  private TestListener(ListenerConfig config, CfxEndpoint.Options options) throws CfxEndpointException {
    this.endpoint = CfxEndpoint.start(EndpointIdentity.of(HANDLE, null), options);
    try {
      this.listener = endpoint.listen(config, sink);
    } catch (CfxEndpointException | RuntimeException e) {
      endpoint.close();
      throw e;
    }
  }

  /** an anonymous listener accepting any address, default limits. */
  static TestListener start() throws CfxEndpointException {
    return start(anonymous());
  }

  static TestListener start(ListenerConfig config) throws CfxEndpointException {
    return new TestListener(config, CfxEndpoint.Options.defaults());
  }

  static TestListener start(ListenerConfig config, CfxEndpoint.Options options) throws CfxEndpointException {
    return new TestListener(config, options);
  }

  /** the default configuration of these tests: anonymous, any address, port chosen by the OS. */
  static ListenerConfig anonymous() {
    return ListenerConfig.anonymous(NAME, "127.0.0.1", 0);
  }

  /** {@code amqp://127.0.0.1:<port>}. */
  String uri() {
    return "amqp://127.0.0.1:" + listener.port();
  }

  /** an anonymous machine with the given CFX handle (its AMQP container-id). */
  JmsMachine machine(String handle) {
    return track(JmsMachine.builder(uri()).handle(handle).connect());
  }

  /** closes the machine with the endpoint. */
  JmsMachine track(JmsMachine machine) {
    machines.add(machine);
    return machine;
  }

  @Override
  public void close() {
    for (JmsMachine m : machines) {
      try {
        m.close();
      } catch (RuntimeException e) {
        // a machine whose connection the test broke; the endpoint is closed regardless
      }
    }
    endpoint.close();
  }

  /**
   * waits, polling every 10 ms, until the condition holds.
   *
   * @throws AssertionError naming {@code what} when it does not hold within {@code timeout}.
   */
  static void awaitCondition(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      LockSupport.parkNanos(10_000_000L);
    }
  }
}
