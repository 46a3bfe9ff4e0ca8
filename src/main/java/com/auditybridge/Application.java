package com.auditybridge;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "Audity Bridge",
                        version = "0.1.0",
                        description =
                                "Webhooks from automations in, durable runs against the Audity API, signed callbacks out."
                                        + " Bodies: schemas/hooks and schemas/events (JSON Schema 2020-12)."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(
        name = "apiKey",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An inbound API key of the connection (X-Api-Key works too)")
public class Application {
    public static void main(String[] args) {
        if (!AudityTokenCheck.canStart(System.getenv(), System.getProperties(), args)) {
            System.err.println(AudityTokenCheck.WHY);
            System.exit(2);
        }
        Micronaut.run(Application.class, args);
    }
}
