package io.cfxtrace.endpoint;

/** a running peer-to-peer listener. */
public interface Listener extends AutoCloseable {

  /**
   * the bound TCP port (useful when the configured port was 0).
   *
   * @return the port.
   */
  int port();

  /**
   * connections open now.
   *
   * @return the count.
   */
  int connectionCount();

  /** stops listening and closes all connections; unsettled deliveries are resent by the peers. */
  @Override
  void close();
}
