package io.cfxtrace.query.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * serves the web UI and what it needs from the jar: the pages ({@code classpath:ui/}), the chart
 * library and Swagger UI from their WebJars, and the OpenAPI document micronaut-openapi wrote at
 * build time. Nothing is fetched from elsewhere at run time.
 *
 * <p>A controller rather than Micronaut's {@code static-resources} settings: those live in {@code
 * application.yml}, and where this service shares a class path with the ingest service (the
 * {@code ./cfx} jar holds both) only one {@code application.yml} is read. The WebJars' versions
 * come from their own {@code pom.properties}, so upgrading one is a change of the pom only.
 */
@Controller
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class UiController {

  /** a path below a folder: plain names, no "..", no empty segments. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

  private final String echarts = webJar("org.webjars.npm", "echarts") + "/dist/";
  private final String swaggerUi = webJar("org.webjars", "swagger-ui") + "/";

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
   * the icon browsers ask for at the root of a site, whatever the page says.
   *
   * @return the UI's icon.
   */
  @Get("/favicon.ico")
  public HttpResponse<?> favicon() {
    return resource("ui/", "favicon.ico");
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

  /**
   * a file of the UI, or of the libraries under {@code /ui/lib/echarts/} and {@code
   * /ui/lib/swagger-ui/}.
   *
   * @param path the file's path below {@code /ui/}.
   * @return the file, or 404.
   */
  @Get("/ui/{+path}")
  public HttpResponse<?> file(@PathVariable String path) {
    if (path.startsWith("lib/echarts/")) {
      return resource(echarts, path.substring("lib/echarts/".length()));
    }
    if (path.startsWith("lib/swagger-ui/")) {
      return resource(swaggerUi, path.substring("lib/swagger-ui/".length()));
    }
    return resource("ui/", path);
  }

  /**
   * the OpenAPI document ({@code /swagger/cfx-query.yml}).
   *
   * @param file the file name.
   * @return the file, or 404.
   */
  @Get("/swagger/{file}")
  public HttpResponse<?> openApi(@PathVariable String file) {
    return resource("META-INF/swagger/", file);
  }

  private static HttpResponse<?> resource(String folder, String path) {
    URL url = SAFE.matcher(path).matches() ? UiController.class.getClassLoader().getResource(folder + path) : null;
    if (url == null || path.endsWith("/")) {
      return HttpResponse.notFound(new ErrorMessage("no file '" + path + "' here"));
    }
    return HttpResponse.ok(new StreamedFile(url));
  }

  /** the class-path folder of a WebJar, with the version it ships. */
  private static String webJar(String group, String artifact) {
    String properties = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (@Nullable InputStream in = UiController.class.getClassLoader().getResourceAsStream(properties)) {
      if (in == null) {
        throw new IllegalStateException("the WebJar " + group + ":" + artifact + " is not on the class path (" + properties + ")");
      }
      Properties p = new Properties();
      p.load(in);
      return "META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + properties, e);
    }
  }
}
