package io.cfxtrace.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.sse.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/**
 * a live-feed client's bounded buffer: a client that does not read is told how many envelopes it
 * missed and where, at the place of the gap, and gets what came after once it reads again.
 */
class FeedClientTest {

  /** a subscriber that asks for nothing until told to, like an HTTP connection whose peer does not read. */
  private static final class SlowReader extends BaseSubscriber<Event<?>> {
    final List<String> read = new ArrayList<>();

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
      // no demand yet
    }

    @Override
    protected void hookOnNext(Event<?> e) {
      Object d = e.getData();
      read.add(d instanceof FeedNotice.Lagged l
          ? "lagged " + l.skipped() + " after " + l.after() + " through " + l.through() + " (id " + e.getId() + ")"
          : e.getId());
    }
  }

  private static FeedEvent envelope(long id, String station) {
    return new FeedEvent(id, Instant.EPOCH, "CFX.Production.WorkCompleted", station, Instant.EPOCH, "u" + id, "{}");
  }

  private static FeedClient client(int capacity, SlowReader reader) {
    FeedClient c = new FeedClient(new FeedFilter(Set.of("S1"), Set.of()), capacity, null);
    c.events(() -> { }, () -> { }).subscribe(reader);
    return c;
  }

  @Test
  void clientThatDoesNotReadIsToldHowManyItMissedBetweenWhichIds() {
    SlowReader reader = new SlowReader();
    FeedClient c = client(3, reader);
    for (long id = 1; id <= 10; id++) {
      c.offer(envelope(id, "S1"));
    }

    reader.request(100);

    assertThat(reader.read).containsExactly("1", "2", "3", "lagged 7 after 3 through 10 (id 3)");
  }

  @Test
  void envelopesAfterTheGapFollowTheNoticeOnceTheClientReadsAgain() {
    SlowReader reader = new SlowReader();
    FeedClient c = client(2, reader);
    for (long id = 1; id <= 4; id++) {
      c.offer(envelope(id, "S1"));
    }
    reader.request(1);
    c.offer(envelope(5, "S1"));
    c.offer(envelope(6, "S1"));

    reader.request(100);

    assertThat(reader.read).containsExactly("1", "2", "lagged 2 after 2 through 4 (id 2)", "5", "lagged 1 after 5 through 6 (id 5)");
  }

  @Test
  void envelopesTheFilterRefusesNeitherQueueNorCountAsMissed() {
    SlowReader reader = new SlowReader();
    FeedClient c = client(2, reader);
    Map.of(1L, "S1", 2L, "S2", 3L, "S2", 4L, "S1").entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> c.offer(envelope(e.getKey(), e.getValue())));

    reader.request(100);

    assertThat(reader.read).containsExactly("1", "4");
  }

  @Test
  void readerWithDemandGetsEachEnvelopeAsItIsOffered() {
    SlowReader reader = new SlowReader();
    FeedClient c = client(1, reader);
    reader.request(Long.MAX_VALUE);
    for (long id = 1; id <= 5; id++) {
      c.offer(envelope(id, "S1"));
    }

    assertThat(reader.read).containsExactly("1", "2", "3", "4", "5");
  }
}
