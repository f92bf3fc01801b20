package io.cfxtrace.endpoint.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.SaslListener;
import org.apache.qpid.proton.engine.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the listener's SASL server: PLAIN against configured users, ANONYMOUS only when enabled. The
 * SDK's clients always run a SASL exchange (ANONYMOUS without user info in the URI, PLAIN with it);
 * a client that skips SASL is let in only where ANONYMOUS is. A refused client gets the SASL
 * outcome {@code auth} and then the socket is closed.
 */
final class SaslServer implements SaslListener {

  private static final Logger LOG = LoggerFactory.getLogger(SaslServer.class);

  private final boolean allowAnonymous;
  private final Map<String, String> users;
  private final AmqpConnection connection;

  private SaslServer(AmqpConnection connection, boolean allowAnonymous, Map<String, String> users) {
    this.connection = connection;
    this.allowAnonymous = allowAnonymous;
    this.users = users;
  }

  static void install(AmqpConnection connection, boolean allowAnonymous, Map<String, String> users) {
    Sasl sasl = connection.transport().sasl();
    sasl.server();
    List<String> mechanisms = new ArrayList<>();
    if (!users.isEmpty()) {
      mechanisms.add("PLAIN");
    }
    if (allowAnonymous) {
      mechanisms.add("ANONYMOUS");
    }
    sasl.setMechanisms(mechanisms.toArray(String[]::new));
    // Proton lets a client skip SASL (send the plain AMQP header) unless told otherwise; that
    // client would be in without credentials, so only a listener that allows ANONYMOUS allows it
    sasl.allowSkip(allowAnonymous);
    sasl.setListener(new SaslServer(connection, allowAnonymous, users));
  }

  @Override
  public void onSaslInit(Sasl sasl, Transport transport) {
    String[] chosen = sasl.getRemoteMechanisms();
    String mechanism = chosen.length == 0 ? "" : chosen[0];
    byte[] response = new byte[Math.max(0, sasl.pending())];
    if (response.length > 0) {
      sasl.recv(response, 0, response.length);
    }
    if (mechanism.equals("ANONYMOUS") && allowAnonymous) {
      connection.user(null);
      sasl.done(Sasl.SaslOutcome.PN_SASL_OK);
    } else if (mechanism.equals("PLAIN") && !users.isEmpty() && plainMatches(response)) {
      sasl.done(Sasl.SaslOutcome.PN_SASL_OK);
    } else {
      LOG.warn(
          "{} from {}: SASL {} refused{}",
          connection.id(),
          connection.remoteAddress(),
          mechanism.isEmpty() ? "(no mechanism)" : mechanism,
          mechanism.equals("PLAIN") ? " (unknown user or wrong password)" : " (mechanism not offered)");
      sasl.done(Sasl.SaslOutcome.PN_SASL_AUTH);
      connection.saslRefused();
    }
  }

  /** PLAIN response: [authzid] NUL authcid NUL passwd (RFC 4616). */
  private boolean plainMatches(byte[] response) {
    int first = indexOf(response, 0);
    int second = first < 0 ? -1 : indexOf(response, first + 1);
    if (second < 0) {
      return false;
    }
    String user = new String(response, first + 1, second - first - 1, StandardCharsets.UTF_8);
    byte[] password = java.util.Arrays.copyOfRange(response, second + 1, response.length);
    String expected = users.get(user);
    // constant-time comparison; an unknown user still costs one comparison
    boolean ok = MessageDigest.isEqual(password, (expected == null ? "\u0000unknown" : expected).getBytes(StandardCharsets.UTF_8));
    if (ok && expected != null) {
      connection.user(user);
      return true;
    }
    return false;
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void onSaslMechanisms(Sasl sasl, Transport transport) {}

  @Override
  public void onSaslChallenge(Sasl sasl, Transport transport) {}

  @Override
  public void onSaslResponse(Sasl sasl, Transport transport) {
    sasl.done(Sasl.SaslOutcome.PN_SASL_AUTH);
    connection.saslRefused();
  }

  @Override
  public void onSaslOutcome(Sasl sasl, Transport transport) {}
}
