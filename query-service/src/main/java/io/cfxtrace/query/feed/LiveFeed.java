package io.cfxtrace.query.feed;

import io.cfxtrace.query.config.FeedConfiguration;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.Row;
import io.cfxtrace.query.store.StoreUnavailableException;
import io.micronaut.http.sse.Event;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * the live feed: ONE poller thread tails {@code raw_message} by {@code feed_seq} and fans each new
 * envelope out to every client's buffer ({@link FeedClient}), so the store sees one small indexed
 * query per {@code poll-interval} however many clients listen, and none while nobody does.
 *
 * <p><b>Order and gaps.</b> {@code feed_seq} comes from a sequence when a row is inserted, and a
 * row becomes visible when its transaction commits. The ingest service writes through one writer
 * thread, one transaction at a time, so with one ingest process ids become visible in order. With
 * several writers, or when a transaction is rolled back (a batch retried after a failure), an id
 * can be missing for a while or for ever. The poller never moves past a missing id at once: it
 * waits up to {@code gap-wait} for it to appear, then moves on (a rolled-back id never will).
 *
 * <p><b>Joining.</b> A client joins on the poller thread, between two polls: one that resumes
 * after an id (SSE {@code Last-Event-ID}) first gets what it missed from the store (up to its
 * buffer, then a {@code lagged} notice for the rest), then the {@code ready} notice, then the live
 * envelopes; nothing falls between the catch-up and the live tail.
 *
 * <p><b>Window.</b> Every query also asks for {@code received_at} within {@code lookback} of now:
 * on TimescaleDB that keeps it to the newest chunks of the {@code raw_message} hypertable, where
 * the {@code feed_seq} index is (a compressed chunk has no such index and would be scanned whole on
 * every poll).
 *
 * <p><b>Failures.</b> When the store cannot be read, the poller logs it once and keeps trying;
 * clients wait. A client whose catch-up fails is closed, and its EventSource reconnects.
 */
@Singleton
public class LiveFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
  /** rows per poll query; a poll repeats the query while pages come full. */
  static final int PAGE = 1000;
  private static final String COLUMNS =
      "select feed_seq, received_at, message_name, source, event_time, unique_id::text as unique_id, envelope::text as envelope from raw_message";

  private final EventStoreReader store;
  private final FeedConfiguration config;
  private final ScheduledExecutorService poller;
  private final Queue<FeedClient> joining = new ConcurrentLinkedQueue<>();
  private final Set<FeedClient> clients = ConcurrentHashMap.newKeySet();

  // poller thread only
  private long cursor = -1;
  /** false while the cursor is 0 because the window was empty: the first row then starts the feed. */
  private boolean anchored;
  private long gapSince = -1;
  private boolean failing;

  /**
   * starts the poller.
   *
   * @param store the event store.
   * @param config the feed's settings.
   */
  public LiveFeed(EventStoreReader store, FeedConfiguration config) {
    this.store = store;
    this.config = config;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cfx-query-feed");
      t.setDaemon(true);
      return t;
    });
    long every = config.pollInterval().toMillis();
    poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * a new client's stream of SSE events.
   *
   * @param filter what it wants.
   * @param resumeAfter the last id it has (Last-Event-ID), or null for "from now".
   * @return the events; the client joins when the HTTP layer subscribes.
   */
  public Flux<Event<?>> subscribe(FeedFilter filter, @Nullable Long resumeAfter) {
    FeedClient client = new FeedClient(filter, config.clientBuffer(), resumeAfter);
    return client.events(() -> joining.add(client), () -> {
      joining.remove(client);
      clients.remove(client);
    });
  }

  /** how many clients are listening or joining. */
  public int clientCount() {
    return clients.size() + joining.size();
  }

  private void poll() {
    try {
      if (clients.isEmpty() && joining.isEmpty()) {
        cursor = -1; // nobody listens: start from the newest row when somebody does
        return;
      }
      if (cursor < 0) {
        Long newest = store.query("select max(feed_seq) as m from raw_message where received_at > ?", r -> r.whole("m"), windowStart()).get(0);
        // an empty window: whatever appears in it from now on was stored from now on
        anchored = newest != null;
        cursor = newest == null ? 0 : newest;
        gapSince = -1;
      }
      FeedClient c;
      while ((c = joining.poll()) != null) {
        if (!c.closed()) {
          join(c);
        }
      }
      tail();
      if (failing) {
        LOG.info("the live feed reads the event store again");
        failing = false;
      }
    } catch (StoreUnavailableException e) {
      if (!failing) {
        LOG.warn("the live feed cannot read the event store; retrying every {}: {}", config.pollInterval(), e.getMessage());
        failing = true;
      }
    } catch (RuntimeException e) {
      // never let an exception end the scheduled task: that would stop the feed for good
      LOG.error("the live feed's poll failed", e);
    }
  }

  /** catch-up from the store for a resuming client, then the ready notice, then live. */
  private void join(FeedClient c) {
    Long after = c.resumeAfter();
    try {
      if (after != null && after < cursor) {
        List<Object> params = new ArrayList<>(List.of(after, cursor, windowStart()));
        String where = " where feed_seq > ? and feed_seq <= ? and received_at > ?" + filterSql(c.filter(), params);
        List<Object> page = new ArrayList<>(params);
        page.add(c.capacity() + 1);
        List<FeedEvent> missed = store.query(COLUMNS + where + " order by feed_seq limit ?", LiveFeed::event, page.toArray());
        long last = after;
        for (FeedEvent e : missed.subList(0, Math.min(missed.size(), c.capacity()))) {
          c.offer(e);
          last = e.id();
        }
        if (missed.size() > c.capacity()) {
          params.set(0, last);
          long more = store.query("select count(*) as n from raw_message" + where, r -> r.whole("n"), params.toArray()).get(0);
          c.notice(new FeedNotice.Lagged(more, last, cursor));
        }
      }
      c.notice(new FeedNotice.Ready(cursor));
      clients.add(c);
    } catch (StoreUnavailableException e) {
      LOG.warn("a live-feed client could not catch up from the store; closing its stream: {}", e.getMessage());
      c.close();
    }
  }

  private static String filterSql(FeedFilter f, List<Object> params) {
    StringBuilder sql = new StringBuilder();
    if (!f.stations().isEmpty()) {
      sql.append(" and source = any(?)");
      params.add(f.stations().toArray(String[]::new));
    }
    if (!f.messages().isEmpty()) {
      sql.append(" and message_name = any(?)");
      params.add(f.messages().toArray(String[]::new));
    }
    return sql.toString();
  }

  /** reads what was stored after the cursor and hands it to every client. */
  private void tail() {
    while (true) {
      List<FeedEvent> rows =
          store.query(COLUMNS + " where feed_seq > ? and received_at > ? order by feed_seq limit ?", LiveFeed::event, cursor, windowStart(), PAGE);
      for (FeedEvent e : rows) {
        if (anchored && e.id() != cursor + 1) {
          long now = System.nanoTime();
          if (gapSince < 0) {
            gapSince = now;
          }
          if (now - gapSince < config.gapWait().toNanos()) {
            return; // id cursor + 1 may still be committing: ask again next time
          }
          LOG.debug("live feed: ids {} to {} did not appear within {}; moving on", cursor + 1, e.id() - 1, config.gapWait());
        }
        gapSince = -1;
        anchored = true;
        cursor = e.id();
        for (FeedClient c : clients) {
          c.offer(e);
        }
      }
      if (rows.size() < PAGE) {
        return;
      }
    }
  }

  private OffsetDateTime windowStart() {
    return OffsetDateTime.now(ZoneOffset.UTC).minus(config.lookback());
  }

  private static FeedEvent event(Row r) throws SQLException {
    return new FeedEvent(Objects.requireNonNull(r.whole("feed_seq")), Objects.requireNonNull(r.time("received_at")),
        Objects.requireNonNull(r.text("message_name")), r.text("source"), Objects.requireNonNull(r.time("event_time")),
        Objects.requireNonNull(r.text("unique_id")), Objects.requireNonNull(r.text("envelope")));
  }

  /** stops the poller and ends every client's stream. */
  @PreDestroy
  @Override
  public void close() {
    poller.shutdownNow();
    clients.forEach(FeedClient::close);
    joining.forEach(FeedClient::close);
  }
}
