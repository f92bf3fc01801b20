package io.cfxtrace.endpoint.listener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.Transport;

/**
 * a bare AMQP client for what Qpid JMS will not do: insist on a SASL mechanism the server did not
 * offer, read the offered mechanisms, or fall silent after the open. A Proton-J transport pumped
 * by hand over a blocking socket, on the test thread. Never ticks the transport, so it sends no
 * heartbeats unless the test writes something.
 */
final class RawAmqpClient implements AutoCloseable {

  final Transport transport = Proton.transport();
  final Connection connection = Proton.connection();
  final Sasl sasl;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean endOfStream;
  private long bytesRead;

  private RawAmqpClient(int port, boolean withSasl) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(20);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    if (withSasl) {
      sasl = transport.sasl();
      sasl.client();
    } else {
      sasl = null;
    }
    transport.bind(connection);
  }

  /** connects; SASL starts once the test chooses a mechanism (or waits for the server's list). */
  static RawAmqpClient connect(int port) throws IOException {
    return new RawAmqpClient(port, true);
  }

  /** connects and skips SASL: the first bytes are the AMQP protocol header. */
  static RawAmqpClient connectWithoutSasl(int port) throws IOException {
    return new RawAmqpClient(port, false);
  }

  /**
   * logs in anonymously as {@code container}, opens a sending link to {@code address} and waits
   * until the listener grants it credit.
   *
   * @return the link.
   */
  org.apache.qpid.proton.engine.Sender anonymousSender(String container, String linkName, String address, Duration timeout) throws IOException {
    sasl.setMechanisms("ANONYMOUS");
    connection.setContainer(container);
    connection.open();
    org.apache.qpid.proton.engine.Session session = connection.session();
    session.open();
    org.apache.qpid.proton.engine.Sender sender = session.sender(linkName);
    org.apache.qpid.proton.amqp.messaging.Target target = new org.apache.qpid.proton.amqp.messaging.Target();
    target.setAddress(address);
    sender.setTarget(target);
    sender.setSource(new org.apache.qpid.proton.amqp.messaging.Source());
    sender.open();
    pumpUntil("the listener grants credit", timeout,
        () -> sender.getRemoteState() == org.apache.qpid.proton.engine.EndpointState.ACTIVE && sender.getCredit() > 0);
    return sender;
  }

  /** whether the server closed the socket. */
  boolean endOfStream() {
    return endOfStream;
  }

  /** bytes received so far. */
  long bytesRead() {
    return bytesRead;
  }

  /**
   * writes what the engine has to send and feeds it what arrives, until the condition holds.
   *
   * @throws AssertionError naming {@code what} if it does not hold within {@code timeout}.
   */
  void pumpUntil(String what, Duration timeout, BooleanSupplier condition) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buf = new byte[4096];
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      writePending();
      if (endOfStream) {
        throw new AssertionError("the server closed the connection before " + what);
      }
      int n;
      try {
        n = in.read(buf); // blocks for at most the 20 ms socket timeout
      } catch (SocketTimeoutException e) {
        continue;
      } catch (IOException e) {
        n = -1; // reset by the server counts as closed
      }
      if (n < 0) {
        endOfStream = true;
        transport.close_tail();
        transport.process();
        continue;
      }
      bytesRead += n;
      int offset = 0;
      while (offset < n) {
        ByteBuffer tail = transport.tail();
        int chunk = Math.min(tail.remaining(), n - offset);
        tail.put(buf, offset, chunk);
        offset += chunk;
        transport.process();
      }
    }
    writePending();
  }

  /** pumps until the server closes the socket. */
  void pumpUntilClosed(Duration timeout) throws IOException {
    pumpUntil("the server closes the connection", timeout, () -> endOfStream);
  }

  private void writePending() throws IOException {
    while (true) {
      int pending = transport.pending();
      if (pending <= 0) {
        return;
      }
      ByteBuffer head = transport.head();
      byte[] bytes = new byte[pending];
      head.get(bytes);
      transport.pop(pending);
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        endOfStream = true;
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
