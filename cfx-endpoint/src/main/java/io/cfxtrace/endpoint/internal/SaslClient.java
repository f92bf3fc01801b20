package io.cfxtrace.endpoint.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.SaslListener;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.amqp.transport.AmqpError;
import org.jspecify.annotations.Nullable;

/**
 * the client side of SASL, as the SDK does it: PLAIN when the URI has user info, ANONYMOUS
 * otherwise.
 */
final class SaslClient implements SaslListener {

  private final @Nullable String user;
  private final @Nullable String password;
  private final AmqpConnection connection;

  private SaslClient(AmqpConnection connection, @Nullable String user, @Nullable String password) {
    this.connection = connection;
    this.user = user;
    this.password = password;
  }

  static void install(AmqpConnection connection, @Nullable String user, @Nullable String password) {
    Sasl sasl = connection.transport().sasl();
    sasl.client();
    sasl.setListener(new SaslClient(connection, user, password));
  }

  @Override
  public void onSaslMechanisms(Sasl sasl, Transport transport) {
    List<String> offered = Arrays.asList(sasl.getRemoteMechanisms());
    if (user != null && offered.contains("PLAIN")) {
      // not Sasl.plain(): that is meant for before the exchange, and once the peer's mechanisms
      // are in it takes them as the client's own choice (Proton-J asserts exactly one)
      byte[] response = plainResponse(user, password == null ? "" : password);
      sasl.setMechanisms("PLAIN");
      sasl.send(response, 0, response.length);
    } else if (user == null && offered.contains("ANONYMOUS")) {
      sasl.setMechanisms("ANONYMOUS");
      sasl.send(new byte[0], 0, 0);
    } else {
      connection.saslFailed(
          new ErrorCondition(
              AmqpError.UNAUTHORIZED_ACCESS,
              "no common SASL mechanism: the peer offers " + offered + ", this client "
                  + (user == null ? "has no user, so only ANONYMOUS" : "has a user, so PLAIN")));
    }
  }

  /** the PLAIN initial response (RFC 4616): NUL user NUL password, in UTF-8, no authzid. */
  private static byte[] plainResponse(String user, String password) {
    byte[] u = user.getBytes(StandardCharsets.UTF_8);
    byte[] p = password.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[u.length + p.length + 2];
    System.arraycopy(u, 0, out, 1, u.length);
    System.arraycopy(p, 0, out, u.length + 2, p.length);
    return out;
  }

  @Override
  public void onSaslOutcome(Sasl sasl, Transport transport) {
    if (sasl.getOutcome() != Sasl.SaslOutcome.PN_SASL_OK) {
      connection.saslFailed(
          new ErrorCondition(
              AmqpError.UNAUTHORIZED_ACCESS,
              "SASL " + (user == null ? "ANONYMOUS" : "PLAIN for user " + user) + " was refused (" + sasl.getOutcome() + ")"));
    }
  }

  @Override
  public void onSaslInit(Sasl sasl, Transport transport) {}

  @Override
  public void onSaslChallenge(Sasl sasl, Transport transport) {}

  @Override
  public void onSaslResponse(Sasl sasl, Transport transport) {}
}
