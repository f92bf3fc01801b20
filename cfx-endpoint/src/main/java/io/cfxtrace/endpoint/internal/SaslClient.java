package io.cfxtrace.endpoint.internal;

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
      sasl.plain(user, password == null ? "" : password);
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
