package io.cfxtrace.endpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.internal.EmbeddedListener.Outcome;
import io.cfxtrace.endpoint.internal.EmbeddedListener.Peer;
import io.cfxtrace.endpoint.internal.EmbeddedListener.Script;
import java.nio.charset.StandardCharsets;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.engine.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * the harness of {@link FuzzListenerTest}: the listener's connection code on an in-memory channel
 * behaves as it does over a socket (what the listener tests over TCP show), its checks see what
 * they are meant to see, and a recorded session, replayed blind as the fuzz seeds are, reaches
 * the sink.
 */
@Timeout(30)
class EmbeddedListenerTest {

  private static final EmbeddedListener LISTENER = new EmbeddedListener(EmbeddedListener.smallLimits(), 1 << 20);
  private static final byte[] WORK_STARTED = ScriptedMachine.fixtureMessage("CFX.Production.WorkStarted.json", false);

  @AfterAll
  static void stop() {
    LISTENER.close();
  }

  private static Script deferred(Outcome outcome) {
    return new Script() {
      @Override
      public Outcome outcome(int n) {
        return outcome;
      }

      @Override
      public boolean completesAtOnce() {
        return false;
      }
    };
  }

  @Test
  void machinePublishingAGoldenFixtureHasItStoredAndAccepted() {
    Peer peer = LISTENER.connect(EmbeddedListener.STORE_AT_ONCE);
    ScriptedMachine machine = new ScriptedMachine(peer, ScriptedMachine.Auth.PLAIN);
    Session s = machine.session();

    Delivery d = machine.send(machine.publisher(s, "publisher", ScriptedMachine.ADDRESS, false), "1", WORK_STARTED);
    machine.awaitOutcome(d);

    assertThat(d.getRemoteState()).isInstanceOf(Accepted.class);
    assertThat(peer.stores()).singleElement().satisfies(st -> assertThat(st.message.envelopes()).hasSize(1));
    assertThat(peer.checkSettlements()).isEmpty();
    machine.closeAll(s);
    peer.disconnect();
    assertThat(LISTENER.connectionCount()).isZero();
  }

  @Test
  void deliveryIsSettledOnlyOnceItsStoreCompletes() {
    Peer peer = LISTENER.connect(deferred(Outcome.STORED));
    ScriptedMachine machine = new ScriptedMachine(peer, ScriptedMachine.Auth.ANONYMOUS);
    Delivery d = machine.send(machine.publisher(machine.session(), "publisher", ScriptedMachine.ADDRESS, false), "1", WORK_STARTED);
    machine.pump();
    assertThat(peer.stores()).hasSize(1);
    assertThat(peer.settled()).isZero();
    assertThat(d.remotelySettled()).isFalse();

    peer.completeStores();
    machine.awaitOutcome(d);

    assertThat(d.getRemoteState()).isInstanceOf(Accepted.class);
    assertThat(peer.checkSettlements()).isEmpty();
    peer.disconnect();
  }

  @Test
  void failedStoreIsReleased() {
    Peer peer = LISTENER.connect(deferred(Outcome.FAILED));
    ScriptedMachine machine = new ScriptedMachine(peer, ScriptedMachine.Auth.ANONYMOUS);
    Delivery d = machine.send(machine.publisher(machine.session(), "publisher", ScriptedMachine.ADDRESS, false), "1", WORK_STARTED);
    machine.pump();

    peer.completeStores();
    machine.awaitOutcome(d);

    assertThat(d.getRemoteState()).isInstanceOf(Released.class);
    assertThat(peer.checkSettlements()).isEmpty();
    peer.disconnect();
    assertThat(LISTENER.bytesInFlight()).isZero();
  }

  @Test
  void deliveryAcceptedThoughItsStoreFailedIsReported() {
    Peer peer = LISTENER.connect(deferred(Outcome.FAILED));
    ScriptedMachine machine = new ScriptedMachine(peer, ScriptedMachine.Auth.ANONYMOUS);
    machine.send(machine.publisher(machine.session(), "publisher", ScriptedMachine.ADDRESS, false), "1", WORK_STARTED);
    machine.pump();
    peer.completeStores();

    // what a receiver that ignored the store's failure would have done
    peer.stores().get(0).delivery.disposition(Accepted.getInstance());

    assertThat(peer.checkSettlements()).singleElement().asString().contains("not stored, but settled as Accepted");
    peer.disconnect();
  }

  @Test
  void sessionRecordedFromAMachineAndReplayedBlindReachesTheSink() {
    Peer recording = LISTENER.connect(EmbeddedListener.STORE_AT_ONCE);
    ScriptedMachine machine = new ScriptedMachine(recording, ScriptedMachine.Auth.ANONYMOUS);
    Session s = machine.session();
    Sender sender = machine.publisher(s, "publisher", ScriptedMachine.ADDRESS, false);
    machine.awaitOutcome(machine.send(sender, "1", WORK_STARTED));
    machine.closeAll(s);
    recording.disconnect();
    byte[] session = machine.sent();

    Peer replay = LISTENER.connect(EmbeddedListener.STORE_AT_ONCE);
    replay.write(session, 0, session.length);

    assertThat(replay.stores()).singleElement().satisfies(st -> assertThat(st.message.envelopes()).hasSize(1));
    assertThat(replay.checkSettlements()).isEmpty();
    assertThat(replay.isOpen()).as("the listener closes the socket after the peer's close").isFalse();
    replay.disconnect();
    assertThat(LISTENER.connectionCount()).isZero();
  }

  /**
   * found by FuzzListenerTest: a string in a performative that claims more bytes than its frame
   * holds made Proton-J's frame parser throw an IllegalArgumentException (not its DecodeException),
   * which the connection took for an internal error: logged at ERROR with a stack trace for any
   * peer sending it, and the peer told amqp:internal-error (crash-open-with-a-string-longer-than-its-frame).
   */
  @Test
  void frameWithAStringLongerThanItsFrameClosesTheConnectionWithADecodeError() {
    Peer peer = LISTENER.connect(EmbeddedListener.STORE_AT_ONCE);
    byte[] open = {
      'A', 'M', 'Q', 'P', 0, 1, 0, 0,
      // frame: size 17, doff 2, type AMQP, channel 0
      0, 0, 0, 17, 2, 0, 0, 0,
      // open (0x10), list8 of 4 bytes and 1 field: a str8 of 9 bytes with 1 byte left in the frame
      0x00, 0x53, 0x10, (byte) 0xc0, 4, 1, (byte) 0xa1, 9, 'A'};

    peer.write(open, 0, open.length);

    assertThat(new String(peer.read(), StandardCharsets.ISO_8859_1)).contains("amqp:decode-error").doesNotContain("amqp:internal-error");
    assertThat(peer.isOpen()).isFalse();
    assertThat(peer.escaped()).isNull();
    assertThat(LISTENER.connectionCount()).isZero();
  }

  /**
   * found by FuzzListenerTest: Proton-J ignores an attach on a handle already in use but posts its
   * LINK_REMOTE_OPEN event without a link, which the connection's dispatch dereferenced: a
   * NullPointerException, an internal error (crash-attach-on-a-handle-in-use).
   */
  @Test
  void attachOnAHandleAlreadyInUseClosesTheConnectionWithHandleInUse() {
    Peer recording = LISTENER.connect(EmbeddedListener.STORE_AT_ONCE);
    ScriptedMachine machine = new ScriptedMachine(recording, ScriptedMachine.Auth.NONE);
    Sender sender = machine.publisher(machine.session(), "publisher", ScriptedMachine.ADDRESS, false);
    machine.until("the listener grants credit", () -> sender.getCredit() > 0);
    recording.disconnect();
    byte[] session = machine.sent(); // header, open, begin, attach: the attach is the last frame
    byte[] attach = lastFrame(session);

    Peer peer = LISTENER.connect(EmbeddedListener.STORE_AT_ONCE);
    peer.write(session, 0, session.length);
    peer.read();
    peer.write(attach, 0, attach.length);

    assertThat(new String(peer.read(), StandardCharsets.ISO_8859_1)).contains("amqp:session:handle-in-use").doesNotContain("amqp:internal-error");
    assertThat(peer.isOpen()).isFalse();
    assertThat(peer.escaped()).isNull();
    assertThat(LISTENER.connectionCount()).isZero();
  }

  /** the last AMQP frame of a byte stream that starts with the 8-byte protocol header. */
  private static byte[] lastFrame(byte[] stream) {
    int at = 8;
    int last = at;
    while (at < stream.length) {
      last = at;
      at += java.nio.ByteBuffer.wrap(stream, at, 4).getInt();
    }
    return java.util.Arrays.copyOfRange(stream, last, stream.length);
  }

  @Test
  void bytesThatAreNotAmqpCloseTheConnectionAndFreeItsSlot() {
    Peer peer = LISTENER.connect(EmbeddedListener.STORE_AT_ONCE);
    byte[] http = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    peer.write(http, 0, http.length);

    assertThat(peer.isOpen()).isFalse();
    assertThat(peer.escaped()).isNull();
    assertThat(LISTENER.connectionCount()).isZero();
  }
}
