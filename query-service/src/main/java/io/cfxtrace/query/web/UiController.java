package io.cfxtrace.query.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/** sends a browser from the service's root to the web UI (static pages under {@code /ui/}). */
@Controller
@Hidden
public class UiController {

  /**
   * the root.
   *
   * @return a redirect to the UI's start page.
   */
  @Get
  public HttpResponse<?> root() {
    return HttpResponse.seeOther(URI.create("/ui/index.html"));
  }

  /**
   * the UI's folder.
   *
   * @return a redirect to the UI's start page.
   */
  @Get("/ui")
  public HttpResponse<?> ui() {
    return HttpResponse.seeOther(URI.create("/ui/index.html"));
  }
}
