package io.cfxtrace.query.web;

import io.cfxtrace.query.store.StoreUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** the one place where the service's exceptions become HTTP answers with an {@link ErrorMessage}. */
public final class ErrorHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

  private ErrorHandlers() {}

  private static HttpResponse<ErrorMessage> answer(HttpStatus status, String message) {
    return HttpResponse.<ErrorMessage>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(new ErrorMessage(message));
  }

  /** 404 for what the store does not hold. */
  @Singleton
  @Produces(MediaType.APPLICATION_JSON)
  public static class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<ErrorMessage>> {
    @Override
    @SuppressWarnings("rawtypes") // the interface declares the request raw
    public HttpResponse<ErrorMessage> handle(HttpRequest request, NotFoundException e) {
      return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }
  }

  /** 400 for a malformed or unknown parameter. */
  @Singleton
  @Produces(MediaType.APPLICATION_JSON)
  public static class BadParameter implements ExceptionHandler<BadParameterException, HttpResponse<ErrorMessage>> {
    @Override
    @SuppressWarnings("rawtypes") // the interface declares the request raw
    public HttpResponse<ErrorMessage> handle(HttpRequest request, BadParameterException e) {
      return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  /** 503 when the store cannot answer; logged, since an operator has to look. */
  @Singleton
  @Produces(MediaType.APPLICATION_JSON)
  public static class StoreUnavailable implements ExceptionHandler<StoreUnavailableException, HttpResponse<ErrorMessage>> {
    @Override
    @SuppressWarnings("rawtypes") // the interface declares the request raw
    public HttpResponse<ErrorMessage> handle(HttpRequest request, StoreUnavailableException e) {
      LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
      return answer(HttpStatus.SERVICE_UNAVAILABLE, "the event store cannot answer now; try again later");
    }
  }

  /** 503 when a configured limit is reached; the client may retry later. */
  @Singleton
  @Produces(MediaType.APPLICATION_JSON)
  public static class Busy implements ExceptionHandler<BusyException, HttpResponse<ErrorMessage>> {
    @Override
    @SuppressWarnings("rawtypes") // the interface declares the request raw
    public HttpResponse<ErrorMessage> handle(HttpRequest request, BusyException e) {
      return answer(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
  }
}
