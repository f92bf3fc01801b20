package io.cfxtrace.endpoint.broker;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.model.CfxEnvelope;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * the child process of {@link BrokerSpoolTest}: opens a publisher to a broker that is down,
 * publishes numbered envelopes (each is in the spool when publish returns) and reports each on
 * stdout, then waits to be killed.
 *
 * <p>Protocol lines: {@code spooled <UniqueID>} in publish order, then {@code all-spooled};
 * anything else on stdout (logging) is to be ignored.
 */
@SuppressForbidden
final class SpoolingPublisherProcess {

  private SpoolingPublisherProcess() {}

  /**
   * runs the publisher.
   *
   * @param args the spool directory, the broker port, the address and the number of envelopes.
   * @throws Exception on any failure, which ends the process with a stack trace.
   */
  public static void main(String[] args) throws Exception {
    Path spool = Path.of(args[0]);
    AmqpUri broker = AmqpUri.parse("amqp://127.0.0.1:" + Integer.parseInt(args[1]));
    String address = args[2];
    int count = Integer.parseInt(args[3]);
    PrintStream out = System.out;
    CfxEndpoint endpoint = BrokerTesting.endpoint("CfxTrace.Test.Crashing"); // never closed: we are killed
    Publisher publisher = endpoint.publisher(BrokerTesting.publisher(broker, address, spool, true, Duration.ZERO));
    for (int i = 0; i < count; i++) {
      CfxEnvelope e = BrokerTesting.workStarted(i);
      publisher.publish(e);
      out.println("spooled " + e.uniqueId());
    }
    out.println("all-spooled");
    out.flush();
    new CountDownLatch(1).await(60, TimeUnit.SECONDS); // nobody killed us: give up
    System.exit(3);
  }
}
