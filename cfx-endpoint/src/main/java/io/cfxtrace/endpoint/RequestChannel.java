package io.cfxtrace.endpoint;

/**
 * a running request channel: requests taken from a broker address are answered through the
 * broker (see {@link CfxEndpoint#serveRequests}); reconnects by itself until closed.
 */
public interface RequestChannel extends AutoCloseable {

  /**
   * the connection state, for health checks.
   *
   * @return the status.
   */
  ChannelStatus status();

  /** disconnects and stops reconnecting; requests not yet answered are redelivered by the broker. */
  @Override
  void close();
}
