package io.cfxtrace.endpoint.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cfxtrace.endpoint.internal.EmbeddedListener.Outcome;
import io.cfxtrace.endpoint.internal.EmbeddedListener.Peer;
import io.cfxtrace.endpoint.internal.EmbeddedListener.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Session;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * coverage-guided fuzzing of the AMQP listener's connection handling with Jazzer: a peer sends
 * mutated byte streams of real AMQP sessions, and the listener must stay correct and serving.
 *
 * <p><b>What is fuzzed.</b> Each input is what one peer sends on one connection to an {@link
 * EmbeddedListener}: the listener's own per-connection code (SASL server, Proton-J engine pumped
 * as NettyIo pumps it, the link policy of ListenerServer, {@link InboundReceiver}, {@link
 * RequestResponder}) on an in-memory channel instead of a socket, thousands of connections a
 * second. The first byte of an input is not sent; it says how the input is fed and stored:
 *
 * <ul>
 *   <li>bits 0-1: the stores' outcomes: all stored; all failed; stored and failed in turn; stored,
 *       but every third call the sink throws;
 *   <li>bit 2: the stores complete inside the sink's call, or only after the whole input was fed;
 *   <li>bits 3-5: the bytes arrive in one read or in reads of 1, 2, 7, 13, 64, 256 or 1021 bytes;
 *   <li>bit 6: before the peer goes away, the listener's timers run as if two minutes had passed.
 * </ul>
 *
 * <p><b>Properties</b>, checked after every input:
 *
 * <ol>
 *   <li>nothing thrown escapes the connection's handler to Netty, and nothing is logged at ERROR
 *       by cfx-trace code (the connection's catch-all turns an exception in a handler into an
 *       {@code amqp:internal-error} close and logs it: bad peer input must be answered as bad
 *       input, never by an internal error);
 *   <li>the delivery contract of EnvelopeSink: every message the sink stored is settled Accepted
 *       and every failed one Released, unless its link, session or connection ended first;
 *       nothing is settled before its store completes; the sink never gets an empty message;
 *   <li>once the peer is gone, the listener holds no connection slot and no flow budget, and a
 *       well-behaved machine then connects, publishes a golden fixture and has it Accepted (the
 *       listener allows one connection at a time, so a slot it failed to free refuses it).
 * </ol>
 *
 * <p><b>Seeds</b>: the byte streams of real sessions, recorded from a {@link ScriptedMachine}
 * against the same listener when the test starts (SASL ANONYMOUS and PLAIN and none; open,
 * begin, attach, flow, transfers of golden fixtures plain and gzip over several frames, a
 * disposition settling early, a pre-settled link, a request and its response, detach, end,
 * close), plus past findings ({@code crash-*}) under {@code FuzzListenerTestInputs/} in the test
 * resources. {@code amqp.dict} holds AMQP constructors, descriptors and header bytes.
 *
 * <p><b>How long.</b> As for cfx-model's FuzzDecoderTest: {@code mvn verify} runs this class
 * alone in the {@code fuzz-listener} execution (cfx-endpoint/pom.xml) with {@code JAZZER_FUZZ=1}
 * for {@code cfx.fuzz.listener.seconds} (default 15; Proton-J is instrumented too), after an
 * 8-second warm-up on the seeds ({@link WarmUp}); {@code -Dcfx.fuzz.listener.seconds=600} fuzzes
 * longer, {@code -Dcfx.fuzz.skip=true} skips it. Without
 * {@code JAZZER_FUZZ} it only replays the seeds and findings. A finding fails the test and is
 * written as {@code cfx-endpoint/target/jazzer/crash-<sha1>}, next to the generated corpus.
 */
class FuzzListenerTest {

  /** the listener and its log watch, made once per JVM, after Jazzer has instrumented the classes. */
  private static final class Shared {
    static final EmbeddedListener LISTENER = new EmbeddedListener(EmbeddedListener.smallLimits(), 1 << 20);
    static final ErrorLog ERRORS = ErrorLog.install();
    static final byte[] MACHINE_MESSAGE = ScriptedMachine.fixtureMessage("CFX.Production.WorkStarted.json", false);
  }

  private static final int[] READ_SIZES = {Integer.MAX_VALUE, 1, 2, 7, 13, 64, 256, 1021};

  /**
   * when fuzzing, the seeds first run through the target for a few seconds (once, at the first
   * input, when Jazzer's instrumentation is in place): the JIT compiles the instrumented engine,
   * which cold runs some ten inputs a second, so that a short run fuzzes at speed.
   */
  private static final class WarmUp {
    static {
      String fuzz = System.getenv("JAZZER_FUZZ");
      if (fuzz != null && !fuzz.isEmpty()) { // not when only replaying seeds and findings
        List<byte[]> seeds = sessions().map(a -> (byte[]) a.get()[0]).toList();
        FuzzListenerTest target = new FuzzListenerTest();
        long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        try {
          while (System.nanoTime() < end) {
            for (byte[] seed : seeds) {
              target.run(seed);
            }
          }
        } catch (AssertionError failed) {
          // a seed that breaks a property fails its own invocation, with its name
        }
      }
    }

    /** runs the warm-up, the first time only. */
    static void once() {}
  }

  @MethodSource("sessions")
  @DictionaryFile(resourcePath = "amqp.dict")
  @FuzzTest(maxDuration = "15s")
  void listenerSurvivesMutatedAmqpSessions(byte[] input) {
    WarmUp.once();
    run(input);
  }

  private void run(byte[] input) {
    if (input.length == 0) {
      return;
    }
    EmbeddedListener listener = Shared.LISTENER;
    ErrorLog errors = Shared.ERRORS;
    errors.clear();
    int options = input[0] & 0xFF;
    boolean atOnce = (options & 0x04) == 0;
    Script script = script(options & 0x03, atOnce);
    int readSize = Math.min(READ_SIZES[(options >> 3) & 0x07], input.length);

    Peer peer = listener.connect(script);
    for (int at = 1; at < input.length && peer.isOpen(); at += readSize) {
      peer.write(input, at, Math.min(readSize, input.length - at));
      peer.discardOutput();
    }
    List<String> wrong = new ArrayList<>();
    if (!atOnce && peer.settled() > 0) {
      wrong.add(peer.settled() + " deliveries settled while their stores were still pending");
    }
    peer.completeStores();
    wrong.addAll(peer.checkSettlements());
    if ((options & 0x40) != 0) {
      peer.elapse(Duration.ofMinutes(2));
    }
    peer.disconnect();
    // a delivery the input left half sent holds the bytes read of it (they are charged as they
    // arrive) until its link or connection goes: only then must the budget be empty
    if (listener.bytesInFlight() != 0) {
      wrong.add("all stores completed and the peer is gone, but the flow budget still holds " + listener.bytesInFlight() + " bytes");
    }
    if (peer.escaped() != null) {
      wrong.add("escaped to Netty: " + stackTrace(peer.escaped()));
    }
    if (listener.connectionCount() != 0) {
      wrong.add("the peer is gone, but the listener counts " + listener.connectionCount() + " open connections");
    }
    wrong.addAll(errors.take());
    if (wrong.isEmpty()) {
      wrong.addAll(wellBehavedMachineIsServed(listener));
      wrong.addAll(errors.take());
    }
    if (!wrong.isEmpty()) {
      throw new AssertionError(String.join("\n", wrong));
    }
  }

  private static Script script(int outcomes, boolean atOnce) {
    return new Script() {
      @Override
      public Outcome outcome(int n) {
        return switch (outcomes) {
          case 0 -> Outcome.STORED;
          case 1 -> Outcome.FAILED;
          case 2 -> n % 2 == 0 ? Outcome.STORED : Outcome.FAILED;
          default -> n % 3 == 2 ? Outcome.THROWS : Outcome.STORED;
        };
      }

      @Override
      public boolean completesAtOnce() {
        return atOnce;
      }
    };
  }

  /** a machine connects, publishes a golden fixture, has it Accepted and goes. */
  private static List<String> wellBehavedMachineIsServed(EmbeddedListener listener) {
    List<String> wrong = new ArrayList<>();
    Peer peer = listener.connect(EmbeddedListener.STORE_AT_ONCE);
    try {
      ScriptedMachine machine = new ScriptedMachine(peer, ScriptedMachine.Auth.ANONYMOUS);
      Session s = machine.session();
      Delivery d = machine.send(machine.publisher(s, "publisher", ScriptedMachine.ADDRESS, false), "1", Shared.MACHINE_MESSAGE);
      machine.awaitOutcome(d);
      if (!(d.getRemoteState() instanceof Accepted)) {
        wrong.add("a well-behaved machine's message was settled as " + d.getRemoteState());
      }
      if (peer.stores().size() != 1 || peer.stores().get(0).message.envelopes().size() != 1) {
        wrong.add("a well-behaved machine's message reached the sink as " + peer.stores().stream().map(st -> st.message).toList());
      }
      machine.closeAll(s);
    } catch (AssertionError e) {
      wrong.add("a well-behaved machine is not served after this input: " + e.getMessage());
    } finally {
      peer.disconnect();
    }
    if (listener.connectionCount() != 0) {
      wrong.add("the well-behaved machine is gone, but the listener counts " + listener.connectionCount() + " open connections");
    }
    return wrong;
  }

  // ---- seeds

  /** how the seeds are fed: all stored at once in one read, or deferred stores in small reads. */
  private static final int PLAIN = 0x00;

  private static final int DEFERRED_ALTERNATING_IN_SMALL_READS = 0x04 | 0x02 | (3 << 3);

  /** the byte streams of real sessions, each recorded from a machine against the listener. */
  static Stream<Arguments> sessions() {
    EmbeddedListener listener = Shared.LISTENER;
    List<Arguments> seeds = new ArrayList<>();
    byte[] workStarted = Shared.MACHINE_MESSAGE;
    byte[] installedGzip = ScriptedMachine.fixtureMessage("CFX.Production.Assembly.MaterialsInstalled.json", true);
    byte[] inspected = ScriptedMachine.fixtureMessage("CFX.Production.TestAndInspection.UnitsInspected.json", false);

    // ANONYMOUS, one message: SASL, open, begin, attach, (flow), transfer, (disposition), detach, end, close
    seeds.add(seed(PLAIN, record(listener, ScriptedMachine.Auth.ANONYMOUS, m -> {
      Session s = m.session();
      m.awaitOutcome(m.send(m.publisher(s, "publisher", ScriptedMachine.ADDRESS, false), "1", workStarted));
      m.closeAll(s);
    })));
    // PLAIN, three messages over several frames each, the last settled by the machine before the
    // listener's outcome (a disposition from the sender)
    byte[] plain = record(listener, ScriptedMachine.Auth.PLAIN, m -> {
      Session s = m.session();
      var sender = m.publisher(s, "publisher", ScriptedMachine.ADDRESS, false);
      m.awaitOutcome(m.send(sender, "a", installedGzip));
      m.awaitOutcome(m.send(sender, "b", inspected));
      Delivery early = m.send(sender, "c", workStarted);
      early.settle();
      m.pump();
      m.closeAll(s);
    });
    seeds.add(seed(PLAIN, plain));
    seeds.add(seed(DEFERRED_ALTERNATING_IN_SMALL_READS, plain));
    // no SASL, a pre-settled link
    seeds.add(seed(0x01, record(listener, ScriptedMachine.Auth.NONE, m -> {
      Session s = m.session();
      var sender = m.publisher(s, "presettled", ScriptedMachine.ADDRESS, true);
      m.send(sender, "1", workStarted);
      m.send(sender, "2", installedGzip);
      m.closeAll(s);
    })));
    // a request and its response: a receiver link (flow from the machine) and a sender to our handle
    seeds.add(seed(PLAIN, record(listener, ScriptedMachine.Auth.ANONYMOUS, m -> {
      Session s = m.session();
      var responses = m.responses(s, "reply-1", 5);
      var requests = m.publisher(s, "requests", EmbeddedListener.HANDLE, false);
      m.awaitOutcome(m.send(requests, "r1", ScriptedMachine.areYouThere("reply-1")));
      m.until("the response arrives", () -> responses.current() != null && !responses.current().isPartial());
      m.closeAll(s);
    })));
    return seeds.stream();
  }

  private interface Conversation {
    void run(ScriptedMachine m);
  }

  private static byte[] record(EmbeddedListener listener, ScriptedMachine.Auth auth, Conversation script) {
    Peer peer = listener.connect(EmbeddedListener.STORE_AT_ONCE);
    try {
      ScriptedMachine machine = new ScriptedMachine(peer, auth);
      script.run(machine);
      return machine.sent();
    } finally {
      peer.disconnect();
    }
  }

  private static Arguments seed(int options, byte[] session) {
    byte[] input = new byte[session.length + 1];
    input[0] = (byte) options;
    System.arraycopy(session, 0, input, 1, session.length);
    return Arguments.of((Object) input);
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }

  /**
   * what cfx-trace code logs at ERROR while an input runs; the rest of its logging is turned off
   * (a warning per refused peer would cost more than the input).
   */
  static final class ErrorLog extends AppenderBase<ILoggingEvent> {
    private final List<String> events = new ArrayList<>();

    static ErrorLog install() {
      Logger cfx = (Logger) LoggerFactory.getLogger("io.cfxtrace");
      cfx.setLevel(Level.ERROR);
      ErrorLog log = new ErrorLog();
      log.setContext(cfx.getLoggerContext());
      log.start();
      cfx.addAppender(log);
      return log;
    }

    @Override
    protected synchronized void append(ILoggingEvent e) {
      StringBuilder b = new StringBuilder("logged at ERROR by ").append(e.getLoggerName()).append(": ").append(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        b.append("\n  ").append(t.getClassName()).append(": ").append(t.getMessage());
        var frames = t.getStackTraceElementProxyArray();
        for (int i = 0; i < Math.min(12, frames.length); i++) {
          b.append("\n    ").append(frames[i].getSTEAsString());
        }
      }
      events.add(b.toString());
    }

    synchronized void clear() {
      events.clear();
    }

    synchronized List<String> take() {
      List<String> out = new ArrayList<>(events);
      events.clear();
      return out;
    }
  }
}
