package com.auditybridge.audity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The {@code data} of a conversion; {@code auditId} is the new project's id. */
@Serdeable
public record ConvertResult(
        String auditId, int creditsUsed, @Nullable Boolean pdfAttached) {}
