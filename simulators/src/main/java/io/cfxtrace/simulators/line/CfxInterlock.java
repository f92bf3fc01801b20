package io.cfxtrace.simulators.line;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupResponse;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CfxDecodeException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * the {@link Interlock} over CFX: each station sends its request from its own endpoint to the
 * interlock's handle at the interlock's request URI (a connection to the URI, a link to the
 * handle, as the SDK sends requests), after waiting until the target has accepted (stored)
 * everything the line published before, so the answer reads the unit's whole history.
 *
 * <p>With an answers file, every answer is kept in it (one response envelope per line, in the
 * order asked), and a run that regenerates the same line from its seed (the demo continuing where
 * it stopped) gets the kept answers instead of asking again for as many questions as the file
 * holds: the same answers give the same traffic, which the store already has. Not thread-safe:
 * the simulator asks one question at a time.
 */
public final class CfxInterlock implements Interlock, AutoCloseable {

  /** sends a request from a station's endpoint. */
  @FunctionalInterface
  public interface Requester {
    /**
     * sends.
     *
     * @param station the asking station's handle.
     * @param peer the interlock's request URI.
     * @param handle the interlock's handle.
     * @param body the request.
     * @param timeout how long to wait for the answer.
     * @return the response envelope.
     */
    CompletionStage<CfxEnvelope> request(String station, AmqpUri peer, String handle, CfxMessage body, Duration timeout);
  }

  /** waits until the target has accepted everything published so far. */
  @FunctionalInterface
  public interface Stored {
    /**
     * waits.
     *
     * @throws NoAnswerException when the target did not accept it in time.
     */
    void await();
  }

  /**
   * one question and its answer, for transcripts.
   *
   * @param at the simulated time.
   * @param request the request as sent (its UniqueID and TimeStamp are made by the endpoint, so
   *     these are the envelope's other members, with the RequestID the answer repeats).
   * @param response the response envelope; null when it came from the answers file.
   */
  public record Exchange(Instant at, CfxEnvelope request, @Nullable CfxEnvelope response) {}

  private final Requester requester;
  private final AmqpUri uri;
  private final String handle;
  private final Duration timeout;
  private final Stored stored;
  private final Consumer<Exchange> transcript;
  private final CfxCodec codec = new CfxCodec();
  private final List<String> kept;
  private final @Nullable BufferedWriter answers;
  private int asked;

  /**
   * an interlock client.
   *
   * @param requester sends from a station's endpoint.
   * @param uri the interlock's request URI (its listener).
   * @param handle the interlock's CFX handle.
   * @param timeout how long a station waits for an answer.
   * @param stored waits until the target has what was published before.
   * @param transcript receives each question and answer.
   * @param answersFile where answers are kept and read back, or null.
   * @throws IOException when the answers file cannot be read or opened.
   */
  public CfxInterlock(Requester requester, AmqpUri uri, String handle, Duration timeout, Stored stored, Consumer<Exchange> transcript,
      @Nullable Path answersFile) throws IOException {
    this.requester = Objects.requireNonNull(requester, "requester");
    this.uri = Objects.requireNonNull(uri, "uri");
    this.handle = Objects.requireNonNull(handle, "handle");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.stored = Objects.requireNonNull(stored, "stored");
    this.transcript = Objects.requireNonNull(transcript, "transcript");
    if (answersFile == null) {
      this.kept = List.of();
      this.answers = null;
    } else {
      this.kept = Files.exists(answersFile) ? new ArrayList<>(Files.readAllLines(answersFile, StandardCharsets.UTF_8)) : List.of();
      this.answers = Files.newBufferedWriter(answersFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  /**
   * answers read back from the answers file so far.
   *
   * @return how many of the questions were answered from the file.
   */
  public int replayed() {
    return Math.min(asked, kept.size());
  }

  @Override
  public ValidateUnitsResponse validateUnits(String station, Instant at, ValidateUnitsRequest request) {
    return ask(station, at, request, ValidateUnitsResponse.class);
  }

  @Override
  public ValidateStationSetupResponse validateSetup(String station, Instant at, ValidateStationSetupRequest request) {
    return ask(station, at, request, ValidateStationSetupResponse.class);
  }

  private <T extends CfxMessage> T ask(String station, Instant at, CfxMessage body, Class<T> type) {
    int n = asked++;
    if (n < kept.size()) {
      CfxEnvelope response;
      try {
        response = codec.decodeEnvelope(kept.get(n).getBytes(StandardCharsets.UTF_8));
      } catch (CfxDecodeException e) {
        throw new IllegalStateException("answer " + (n + 1) + " in the answers file is not a CFX envelope: " + e.getMessage(), e);
      }
      transcript.accept(new Exchange(at, sent(station, body, response), null));
      return typed(response, type, station);
    }
    stored.await();
    CfxEnvelope response;
    try {
      response = requester.request(station, uri, handle, body, timeout).toCompletableFuture().get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      asked--;
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new NoAnswerException("no answer from " + handle + " at " + uri.redacted() + ": " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      asked--;
      throw new NoAnswerException("no answer from " + handle + " at " + uri.redacted() + " within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      asked--;
      Thread.currentThread().interrupt();
      throw new NoAnswerException("interrupted while waiting for " + handle, e);
    }
    T answer = typed(response, type, station);
    if (answers != null) {
      try {
        answers.write(codec.toTree(response).toString());
        answers.write('\n');
        answers.flush(); // before the traffic that follows from it is published
      } catch (IOException e) {
        throw new UncheckedIOException("cannot keep the interlock's answer: " + e.getMessage(), e);
      }
    }
    transcript.accept(new Exchange(at, sent(station, body, response), response));
    return answer;
  }

  private CfxEnvelope sent(String station, CfxMessage body, CfxEnvelope response) {
    CfxEnvelope made = CfxEnvelope.request(station, handle, body);
    return new CfxEnvelope(made.version(), made.timeStamp(), made.uniqueId(), station, handle, response.requestId(), body, java.util.Map.of());
  }

  private <T extends CfxMessage> T typed(CfxEnvelope response, Class<T> type, String station) {
    if (!type.isInstance(response.messageBody())) {
      throw new NoAnswerException(handle + " answered " + station + "'s request with " + response.messageBody().getClass().getSimpleName()
          + " instead of " + type.getSimpleName(), null);
    }
    return type.cast(response.messageBody());
  }

  /**
   * a transcript line: the question and the answer as JSON.
   *
   * @param e the exchange.
   * @return {@code {"at":...,"request":{envelope},"response":{envelope}}}.
   */
  public String json(Exchange e) {
    return "{\"at\":\"" + e.at() + "\",\"request\":" + codec.toTree(e.request()) + ",\"response\":"
        + (e.response() == null ? "null" : codec.toTree(e.response()).toString()) + "}";
  }

  @Override
  public void close() {
    if (answers != null) {
      try {
        answers.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
