package io.cfxtrace.endpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * an AMQP network address as CFX writes them: {@code amqp[s]://[user:password@]host[:port][/address]}.
 *
 * <p>The address part keeps its leading slash for RabbitMQ's AMQP 1.0 address forms ({@code
 * /exchange/X}, {@code /queue/Q}, {@code /queues/Q}, {@code /topic/T}, {@code /amq/queue/Q}), so
 * {@code amqp://host/exchange/cfx} means address {@code /exchange/cfx}; any other path loses its
 * one leading slash ({@code amqp://host/cfx.events} means {@code cfx.events}). Default ports: 5672
 * for amqp, 5671 for amqps. User and password are URL-decoded.
 *
 * @param tls whether the scheme is {@code amqps}.
 * @param host host name or address.
 * @param port TCP port.
 * @param user SASL PLAIN user, or null for ANONYMOUS.
 * @param password SASL PLAIN password, or null.
 * @param address the AMQP address, or null when the URI names none.
 */
public record AmqpUri(boolean tls, String host, int port, @Nullable String user, @Nullable String password, @Nullable String address) {

  private static final String[] RABBIT_PREFIXES = {"/exchange/", "/queue/", "/queues/", "/topic/", "/amq/"};

  /** checks host and port. */
  public AmqpUri {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("AMQP URI needs a host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("AMQP URI port " + port + " is outside 1..65535");
    }
    if (user == null && password != null) {
      throw new IllegalArgumentException("AMQP URI has a password but no user");
    }
  }

  /**
   * parses a URI.
   *
   * @param text for example {@code amqp://cfx:secret@broker:5672/exchange/cfx}.
   * @return the parsed URI.
   * @throws IllegalArgumentException naming the text and what is wrong with it.
   */
  public static AmqpUri parse(String text) {
    Objects.requireNonNull(text, "text");
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an AMQP URI: \"" + text + "\": " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
      throw new IllegalArgumentException("not an AMQP URI (scheme must be amqp or amqps): \"" + text + "\"");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("AMQP URI has no host: \"" + text + "\"");
    }
    boolean tls = scheme.equals("amqps");
    int port = uri.getPort() == -1 ? (tls ? 5671 : 5672) : uri.getPort();
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null && !info.isEmpty()) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    String path = uri.getRawPath();
    String address = null;
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      String decoded = decode(path);
      boolean rabbit = false;
      for (String prefix : RABBIT_PREFIXES) {
        rabbit |= decoded.startsWith(prefix);
      }
      address = rabbit ? decoded : decoded.substring(1);
    }
    return new AmqpUri(tls, uri.getHost(), port, user, password, address);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * the address, or a clear error when the URI has none.
   *
   * @return the address.
   * @throws IllegalArgumentException if the URI names no address.
   */
  public String requireAddress() {
    if (address == null || address.isEmpty()) {
      throw new IllegalArgumentException("AMQP URI " + redacted() + " names no address (add /<address> after the port)");
    }
    return address;
  }

  /**
   * the URI without its password, for logs and messages.
   *
   * @return for example {@code amqp://cfx:***@broker:5672/exchange/cfx}.
   */
  public String redacted() {
    return (tls ? "amqps" : "amqp") + "://" + (user == null ? "" : user + (password == null ? "" : ":***") + "@") + host + ":" + port
        + (address == null ? "" : (address.startsWith("/") ? "" : "/") + address);
  }

  @Override
  public String toString() {
    return redacted();
  }
}
