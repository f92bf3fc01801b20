package io.cfxtrace.endpoint.internal;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import io.cfxtrace.model.codec.CfxCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.transport.SenderSettleMode;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.engine.Session;
import org.apache.qpid.proton.engine.Transport;

/**
 * a well-behaved machine: a Proton-J client engine (the engine Qpid JMS and the listener use)
 * driven by hand against one {@link EmbeddedListener.Peer}, on the test thread. It publishes CFX
 * messages laid out as this project's publisher lays them out ({@link CfxAmqp}, {@link
 * AmqpMessages#encode}) and sends requests as the SDK's requester does, and keeps every byte it
 * sent: those byte streams are the fuzz target's seeds.
 */
final class ScriptedMachine {

  /** the machine's CFX handle, its AMQP container-id. */
  static final String HANDLE = "SMTPlus.Model_21232.SN23123";

  /** where machines publish (the listener accepts any address). */
  static final String ADDRESS = "CFXListener";

  private static final CfxCodec CODEC = new CfxCodec();
  private static final int MAX_ROUNDS = 10_000;

  /** how the machine authenticates. */
  enum Auth {
    /** SASL ANONYMOUS (an SDK URI without user info). */
    ANONYMOUS,
    /** SASL PLAIN with the listener's user. */
    PLAIN,
    /** no SASL layer: the AMQP protocol header first (allowed where ANONYMOUS is). */
    NONE
  }

  private final EmbeddedListener.Peer peer;
  private final Transport transport = Proton.transport();
  private final Connection connection = Proton.connection();
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private boolean tailClosed;

  ScriptedMachine(EmbeddedListener.Peer peer, Auth auth) {
    this.peer = peer;
    if (auth != Auth.NONE) {
      Sasl sasl = transport.sasl();
      sasl.client();
      if (auth == Auth.PLAIN) {
        sasl.plain(EmbeddedListener.USER, EmbeddedListener.PASSWORD);
      } else {
        sasl.setMechanisms("ANONYMOUS");
      }
    }
    transport.bind(connection);
    connection.setContainer(HANDLE);
    connection.setHostname("localhost");
    connection.open();
  }

  /** every byte the machine sent so far, in order. */
  byte[] sent() {
    return sent.toByteArray();
  }

  /** a new session, begun. */
  Session session() {
    Session s = connection.session();
    s.open();
    return s;
  }

  /**
   * a link on which the machine publishes.
   *
   * @param presettled whether it sends its messages settled (snd-settle-mode settled).
   */
  Sender publisher(Session s, String name, String address, boolean presettled) {
    Sender sender = s.sender(name);
    Target target = new Target();
    target.setAddress(address);
    sender.setTarget(target);
    Source source = new Source();
    source.setAddress(HANDLE);
    sender.setSource(source);
    if (presettled) {
      sender.setSenderSettleMode(SenderSettleMode.SETTLED);
    }
    sender.open();
    return sender;
  }

  /** the SDK requester's response link: source our handle, target its reply address. */
  Receiver responses(Session s, String replyAddress, int credit) {
    Receiver receiver = s.receiver("responses");
    Source source = new Source();
    source.setAddress(EmbeddedListener.HANDLE);
    receiver.setSource(source);
    Target target = new Target();
    target.setAddress(replyAddress);
    receiver.setTarget(target);
    receiver.open();
    receiver.flow(credit);
    return receiver;
  }

  /** sends one message once the link has credit. */
  Delivery send(Sender sender, String tag, byte[] message) {
    until("the listener grants credit on " + sender.getName(), () -> sender.getCredit() > 0);
    Delivery d = sender.delivery(tag.getBytes(StandardCharsets.US_ASCII));
    sender.send(message, 0, message.length);
    sender.advance();
    if (sender.getSenderSettleMode() == SenderSettleMode.SETTLED) {
      d.settle();
    }
    pump();
    return d;
  }

  /** waits for the listener's outcome of a delivery. */
  void awaitOutcome(Delivery d) {
    until("the listener settles delivery " + new String(d.getTag(), StandardCharsets.US_ASCII), d::remotelySettled);
  }

  /** closes the links, ends the session and closes the connection, and waits for the listener's close. */
  void closeAll(Session s) {
    for (org.apache.qpid.proton.engine.Link l = connection.linkHead(null, null); l != null; l = l.next(null, null)) {
      if (l.getLocalState() == EndpointState.ACTIVE) {
        l.close();
      }
    }
    s.close();
    connection.close();
    until("the listener closes the connection", () -> connection.getRemoteState() == EndpointState.CLOSED || tailClosed);
  }

  /** exchanges bytes with the listener until the condition holds. */
  void until(String what, BooleanSupplier condition) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (condition.getAsBoolean()) {
        return;
      }
      if (!pump() && !condition.getAsBoolean()) {
        throw new AssertionError("waiting until " + what + ", but nothing more is exchanged"
            + (tailClosed ? " (the listener closed the socket)" : "") + "; remote condition " + connection.getRemoteCondition());
      }
    }
    throw new AssertionError("waiting until " + what + ": no end after " + MAX_ROUNDS + " exchanges");
  }

  /** one round: what the machine has to send goes to the listener, what the listener wrote comes back. */
  boolean pump() {
    boolean moved = false;
    while (transport.pending() > 0) {
      // head() may hold more than pending() said: take what it holds
      ByteBuffer head = transport.head();
      byte[] bytes = new byte[head.remaining()];
      head.get(bytes);
      transport.pop(bytes.length);
      sent.writeBytes(bytes);
      peer.write(bytes, 0, bytes.length);
      moved = true;
    }
    byte[] in = peer.read();
    int offset = 0;
    while (offset < in.length && transport.capacity() > 0) {
      ByteBuffer tail = transport.tail();
      int n = Math.min(tail.remaining(), in.length - offset);
      tail.put(in, offset, n);
      offset += n;
      transport.process();
      moved = true;
    }
    if (!peer.isOpen() && !tailClosed) {
      tailClosed = true;
      transport.close_tail();
      moved = true;
    }
    return moved;
  }

  // ---- messages

  /** a golden fixture of cfx-model (its test resources), as this project's publisher sends it. */
  static byte[] fixtureMessage(String messageFile, boolean gzip) {
    return AmqpMessages.encode(CfxAmqp.event(CODEC, fixture(messageFile), gzip));
  }

  /** a golden fixture's envelope. */
  static CfxEnvelope fixture(String messageFile) {
    String resource = "/cfx/examples/" + messageFile;
    try (InputStream in = ScriptedMachine.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test class path (cfx-model's test jar)");
      }
      return CODEC.decodeEnvelope(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (io.cfxtrace.model.codec.CfxDecodeException e) {
      throw new IllegalStateException(resource + " does not decode: " + e.getMessage(), e);
    }
  }

  /** an AreYouThereRequest to the listener, as the SDK's requester sends it. */
  static byte[] areYouThere(String replyAddress) {
    CfxEnvelope request = CfxEnvelope.request(HANDLE, EmbeddedListener.HANDLE, new AreYouThereRequest(EmbeddedListener.HANDLE));
    return AmqpMessages.encode(CfxAmqp.request(CODEC, request, replyAddress));
  }
}
