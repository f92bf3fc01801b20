package io.cfxtrace.query;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * starts the query service (see the package documentation for what it serves). Its annotations
 * head the OpenAPI document that micronaut-openapi writes at build time ({@code
 * /swagger/cfx-query.yml}, shown by Swagger UI at {@code /ui/api.html}).
 */
@OpenAPIDefinition(
    info = @Info(title = "cfx-query", version = "1",
        description = "Read-only traceability queries over the cfx-trace event store: birth certificates, where-used, timelines, "
            + "transactions, unit search, and the live feed of stored CFX envelopes.",
        license = @License(name = "Apache-2.0")),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "one of the tokens in cfx.query.auth.tokens; the live feed also takes it as ?access_token=")
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
