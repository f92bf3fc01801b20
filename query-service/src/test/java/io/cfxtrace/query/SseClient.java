package io.cfxtrace.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * a Server-Sent Events client over java.net.http: reads the stream on the HTTP client's thread and
 * hands each complete event (WHATWG HTML, "event stream interpretation": fields up to a blank line)
 * to the test, which waits for the one it expects with a deadline.
 */
final class SseClient implements AutoCloseable {

  /** one event: its name ({@code message} when none), id (null when none) and data. */
  record SseEvent(String name, String id, String data) {}

  private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
  private final List<SseEvent> seen = new ArrayList<>();
  private final HttpResponse<Stream<String>> response;

  private SseClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    CompletableFuture.runAsync(this::read);
  }

  /**
   * opens a stream.
   *
   * @param http the client.
   * @param uri the stream's URI.
   * @param headers extra headers.
   * @return the open client (status and headers received).
   */
  static SseClient open(HttpClient http, String uri, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/event-stream");
    headers.forEach(b::header);
    HttpResponse<Stream<String>> response = http.sendAsync(b.GET().build(), HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
    return new SseClient(response);
  }

  int status() {
    return response.statusCode();
  }

  private void read() {
    String name = "message";
    String id = null;
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new SseEvent(name, id, data.toString()));
          }
          name = "message";
          id = null;
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          data.append(line.substring(5).trim());
        }
      }
    } catch (RuntimeException e) {
      // the stream was closed by close(): nothing more to read
    }
  }

  /**
   * waits for the next event that passes the test, keeping those before it in {@link #seen}.
   *
   * @param what the event wanted.
   * @param description what it is, for the failure message.
   * @return the event.
   * @throws AssertionError when none comes within 20 s.
   */
  SseEvent await(Predicate<SseEvent> what, String description) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      SseEvent e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no " + description + " within 20 s; events so far: " + seen);
      }
      seen.add(e);
      if (what.test(e)) {
        return e;
      }
    }
  }

  /** every event read so far by {@link #await}, in order. */
  List<SseEvent> seen() {
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    response.body().close();
  }
}
