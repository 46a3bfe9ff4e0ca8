package com.auditybridge.connection;

import java.time.Instant;

/** An inbound key as stored: never the key, only its id, its first characters and when it was made. */
public record ApiKeyRow(String id, String connectionId, String prefix, Instant createdAt) {}
