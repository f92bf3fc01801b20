package io.cfxtrace.query.feed;

import io.cfxtrace.query.config.FeedConfiguration;
import io.cfxtrace.query.web.BadParameterException;
import io.cfxtrace.query.web.BusyException;
import io.cfxtrace.query.web.Parameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * {@code GET /api/events/stream}: the envelopes as they are stored, as Server-Sent Events (see
 * {@link LiveFeed} for how, and {@link FeedNotice} for the {@code ready} and {@code lagged}
 * events).
 */
@Controller("/api/events")
public class FeedController {

  private final LiveFeed feed;
  private final FeedConfiguration config;

  /**
   * creates the controller.
   *
   * @param feed the shared feed.
   * @param config its limits.
   */
  public FeedController(LiveFeed feed, FeedConfiguration config) {
    this.feed = feed;
    this.config = config;
  }

  /**
   * the live feed. Each envelope is an SSE event with the id {@code feed_seq} and a {@link
   * FeedEvent} as data; {@code ready} says the stream is live, {@code lagged} that the client read
   * too slowly and which ids it missed.
   *
   * @param station only envelopes from these stations (their CFX handle, the envelope's Source);
   *     repeatable or comma-separated.
   * @param message only these CFX message names, such as {@code CFX.Production.WorkCompleted};
   *     repeatable or comma-separated.
   * @param lastEventIdHeader resume after this id (sent by a reconnecting EventSource).
   * @param lastEventId resume after this id, for clients that cannot set the header; the header
   *     wins.
   * @param accessToken the bearer token, for clients that cannot set headers (EventSource).
   * @return the events.
   * @throws BadParameterException for a malformed filter or id (400).
   * @throws BusyException when {@code cfx.query.feed.max-clients} streams are open (503).
   */
  @Get(uri = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
  public Publisher<Event<?>> stream(@Nullable @QueryValue List<String> station, @Nullable @QueryValue List<String> message,
      @Nullable @Header("Last-Event-ID") String lastEventIdHeader, @Nullable @QueryValue String lastEventId,
      @SuppressWarnings("unused") @Nullable @QueryValue("access_token") String accessToken) {
    FeedFilter filter = FeedFilter.of(station, message);
    Long after = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? id("Last-Event-ID", lastEventIdHeader) : id("lastEventId", lastEventId);
    if (feed.clientCount() >= config.maxClients()) {
      throw new BusyException("the live feed serves at most " + config.maxClients() + " clients at once (cfx.query.feed.max-clients); try again later");
    }
    return feed.subscribe(filter, after);
  }

  private static @Nullable Long id(String parameter, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Parameters.text(parameter, value);
    try {
      long id = Long.parseLong(value.trim());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadParameterException(parameter, value, "an event id: a whole number of at least 0");
  }
}
