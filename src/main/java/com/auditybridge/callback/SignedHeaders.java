package com.auditybridge.callback;

import java.util.List;

/** The three Standard Webhooks headers of one attempt. */
public record SignedHeaders(String id, long timestamp, String signature) {

    public static SignedHeaders sign(List<String> secrets, String id, long timestamp, String body) {
        return new SignedHeaders(id, timestamp, WebhookSignature.header(secrets, id, timestamp, body));
    }
}
