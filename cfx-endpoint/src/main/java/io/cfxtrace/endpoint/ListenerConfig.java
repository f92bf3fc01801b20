package io.cfxtrace.endpoint;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * a peer-to-peer listener: machines connect to it and publish to its addresses as to a broker
 * exchange (the SDK's {@code AddListener}), and send requests to this endpoint's CFX handle.
 *
 * @param name a name for logs, metrics and {@link MessageOrigin#channel()}.
 * @param host the interface to bind, for example {@code 0.0.0.0}.
 * @param port the TCP port; 0 picks a free one (see {@link Listener#port()}). Not 5672 by default:
 *     a local broker usually holds it.
 * @param addresses the addresses machines may publish to; empty accepts any address.
 * @param allowAnonymous whether SASL ANONYMOUS is offered.
 * @param users SASL PLAIN users and passwords; empty offers no PLAIN.
 * @param tls TLS material ({@code amqps}), or null for plain TCP.
 * @param limits resource limits.
 */
public record ListenerConfig(
    String name,
    String host,
    int port,
    Set<String> addresses,
    boolean allowAnonymous,
    Map<String, String> users,
    @Nullable TlsConfig tls,
    Limits limits) {

  /** checks every setting, naming the bad one. */
  public ListenerConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(limits, "limits");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("listener " + name + ": port " + port + " is outside 0..65535");
    }
    addresses = Set.copyOf(addresses);
    users = Map.copyOf(new LinkedHashMap<>(users));
    if (!allowAnonymous && users.isEmpty()) {
      throw new IllegalArgumentException(
          "listener " + name + ": no way to authenticate: allow ANONYMOUS or configure PLAIN users");
    }
  }

  /**
   * an anonymous plain-TCP listener accepting any address, with default limits.
   *
   * @param name the name.
   * @param host the interface.
   * @param port the port, 0 for any free one.
   * @return the config.
   */
  public static ListenerConfig anonymous(String name, String host, int port) {
    return new ListenerConfig(name, host, port, Set.of(), true, Map.of(), null, Limits.defaults());
  }

  /**
   * a copy with other limits.
   *
   * @param newLimits the limits.
   * @return the copy.
   */
  public ListenerConfig withLimits(Limits newLimits) {
    return new ListenerConfig(name, host, port, addresses, allowAnonymous, users, tls, newLimits);
  }

  /**
   * a copy with PLAIN users and ANONYMOUS on or off.
   *
   * @param plainUsers users and passwords.
   * @param anonymous whether ANONYMOUS is offered.
   * @return the copy.
   */
  public ListenerConfig withSasl(Map<String, String> plainUsers, boolean anonymous) {
    return new ListenerConfig(name, host, port, addresses, anonymous, plainUsers, tls, limits);
  }

  /**
   * a copy with TLS.
   *
   * @param newTls the TLS material.
   * @return the copy.
   */
  public ListenerConfig withTls(TlsConfig newTls) {
    return new ListenerConfig(name, host, port, addresses, allowAnonymous, users, newTls, limits);
  }

  /**
   * a copy accepting only the given addresses.
   *
   * @param newAddresses the addresses.
   * @return the copy.
   */
  public ListenerConfig withAddresses(Set<String> newAddresses) {
    return new ListenerConfig(name, host, port, newAddresses, allowAnonymous, users, tls, limits);
  }

  /**
   * what one listener lets its peers use.
   *
   * @param maxConnections open connections at once; more are refused with {@code
   *     amqp:resource-limit-exceeded}.
   * @param maxLinksPerConnection links per connection.
   * @param maxFrameSize the largest AMQP frame, at least 512 (AMQP's minimum).
   * @param maxMessageSize the largest message; announced on each link. A larger one is read to its
   *     end and kept only as a dead letter holding its first 64 KiB (no more than this limit), with
   *     its real size and this limit in the reason, and is Accepted.
   * @param maxInflatedSize the largest JSON a gzip body may inflate to.
   * @param idleTimeout the AMQP idle timeout announced to peers, and the time a new connection has
   *     to send its AMQP open before it is dropped; zero for none.
   * @param credit deliveries a link may have in flight (unsettled) at once.
   */
  public record Limits(
      int maxConnections,
      int maxLinksPerConnection,
      int maxFrameSize,
      long maxMessageSize,
      long maxInflatedSize,
      Duration idleTimeout,
      int credit) {

    /** the default largest message: 64 MiB (AOI results reach 20-30 MB raw). */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 64L * 1024 * 1024;

    /** checks every limit, naming the bad one. */
    public Limits {
      positive("maxConnections", maxConnections);
      positive("maxLinksPerConnection", maxLinksPerConnection);
      if (maxFrameSize < 512) {
        throw new IllegalArgumentException("limit maxFrameSize must be >= 512 (AMQP minimum), was " + maxFrameSize);
      }
      positive("maxMessageSize", maxMessageSize);
      if (maxInflatedSize < maxMessageSize) {
        throw new IllegalArgumentException("limit maxInflatedSize " + maxInflatedSize + " is below maxMessageSize " + maxMessageSize);
      }
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      if (idleTimeout.isNegative()) {
        throw new IllegalArgumentException("limit idleTimeout must not be negative, was " + idleTimeout);
      }
      positive("credit", credit);
    }

    private static void positive(String what, long value) {
      if (value <= 0) {
        throw new IllegalArgumentException("limit " + what + " must be positive, was " + value);
      }
    }

    /**
     * 1,000 connections, 64 links each, 256 KiB frames, 64 MiB messages inflating to 256 MiB,
     * 60 s idle timeout, credit 100 (the SDK listener's).
     *
     * @return the defaults.
     */
    public static Limits defaults() {
      return new Limits(1000, 64, 256 * 1024, DEFAULT_MAX_MESSAGE_SIZE, 256L * 1024 * 1024, Duration.ofSeconds(60), 100);
    }

    /**
     * a copy with another largest message.
     *
     * @param bytes the size.
     * @return the copy.
     */
    public Limits withMaxMessageSize(long bytes) {
      return new Limits(maxConnections, maxLinksPerConnection, maxFrameSize, bytes, Math.max(bytes, maxInflatedSize), idleTimeout, credit);
    }

    /**
     * a copy with other connection and link counts.
     *
     * @param connections the connection limit.
     * @param links the per-connection link limit.
     * @return the copy.
     */
    public Limits withConnections(int connections, int links) {
      return new Limits(connections, links, maxFrameSize, maxMessageSize, maxInflatedSize, idleTimeout, credit);
    }

    /**
     * a copy with another idle timeout.
     *
     * @param timeout the timeout.
     * @return the copy.
     */
    public Limits withIdleTimeout(Duration timeout) {
      return new Limits(maxConnections, maxLinksPerConnection, maxFrameSize, maxMessageSize, maxInflatedSize, timeout, credit);
    }

    /**
     * a copy with another credit.
     *
     * @param newCredit the credit.
     * @return the copy.
     */
    public Limits withCredit(int newCredit) {
      return new Limits(maxConnections, maxLinksPerConnection, maxFrameSize, maxMessageSize, maxInflatedSize, idleTimeout, newCredit);
    }
  }
}
