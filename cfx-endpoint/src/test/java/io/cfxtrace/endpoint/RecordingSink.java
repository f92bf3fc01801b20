package io.cfxtrace.endpoint;

import io.cfxtrace.model.CfxEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** a sink for tests: records what arrives; its store outcome can be scripted. */
public final class RecordingSink implements EnvelopeSink {

  private final BlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();
  private volatile Function<InboundMessage, CompletionStage<Void>> behaviour = m -> CompletableFuture.completedFuture(null);

  @Override
  public CompletionStage<Void> store(InboundMessage message) {
    messages.add(message);
    return behaviour.apply(message);
  }

  /** makes every store complete through the given function. */
  public void behave(Function<InboundMessage, CompletionStage<Void>> f) {
    this.behaviour = f;
  }

  /** waits for the next message. */
  public InboundMessage next(long seconds) throws InterruptedException {
    InboundMessage m = messages.poll(seconds, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message arrived within " + seconds + " s");
    }
    return m;
  }

  /** waits for the next n messages and returns their envelopes in order. */
  public List<CfxEnvelope> envelopes(int n, long seconds) throws InterruptedException {
    List<CfxEnvelope> out = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (out.size() < n) {
      long left = deadline - System.nanoTime();
      InboundMessage m = messages.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError("only " + out.size() + " of " + n + " envelopes arrived within " + seconds + " s");
      }
      m.envelopes().forEach(e -> out.add(e.envelope()));
    }
    return out;
  }

  /** messages received and not yet taken. */
  public int queued() {
    return messages.size();
  }
}
