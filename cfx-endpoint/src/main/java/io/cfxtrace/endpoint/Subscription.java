package io.cfxtrace.endpoint;

/** a running broker subscription; reconnects by itself until closed. */
public interface Subscription extends AutoCloseable {

  /**
   * the connection state, for health checks.
   *
   * @return the status.
   */
  ChannelStatus status();

  /** detaches and stops reconnecting; unsettled deliveries are redelivered by the broker. */
  @Override
  void close();
}
