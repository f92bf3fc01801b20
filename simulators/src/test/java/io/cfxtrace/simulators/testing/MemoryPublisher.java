package io.cfxtrace.simulators.testing;

import io.cfxtrace.endpoint.ChannelStatus;
import io.cfxtrace.endpoint.Publisher;
import io.cfxtrace.model.CfxEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** a publisher whose peer accepts everything at once, keeping what it was given. */
public final class MemoryPublisher implements Publisher {

  private final List<CfxEnvelope> published = new CopyOnWriteArrayList<>();

  @Override
  public CompletionStage<Void> publish(CfxEnvelope envelope) {
    published.add(envelope);
    return CompletableFuture.completedFuture(null);
  }

  /** what was published, in order. */
  public List<CfxEnvelope> published() {
    return List.copyOf(published);
  }

  @Override
  public long pending() {
    return 0;
  }

  @Override
  public ChannelStatus status() {
    return new ChannelStatus(ChannelStatus.State.CONNECTED, Instant.now(), 0, null);
  }

  @Override
  public void close() {}
}
