package io.cfxtrace.query;

import io.micronaut.runtime.Micronaut;

/** starts the query service (see the package documentation for what it serves). */
public final class QueryApplication {

  private QueryApplication() {}

  /**
   * starts the service.
   *
   * @param args command-line arguments ({@code --key=value} settings).
   */
  public static void main(String[] args) {
    Micronaut.build(args).mainClass(QueryApplication.class).banner(false).start();
  }
}
