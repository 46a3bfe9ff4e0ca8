package com.auditybridge.contract;

import com.auditybridge.sim.SimTestBase;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;

/** Sends a request to a simulator and checks the real answer against that upstream's contract. */
abstract class ContractSimTestBase extends SimTestBase {
    static final String AUDITY = "/sim/audity";
    static final String REPO_AUDIT = "/sim/repo-audit";
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

    /** An Audity call with the test token, answered per {@code schemas/audity-openapi.yaml}. */
    protected Reply audity(String method, String path, String jsonBody) {
        return audity(method, path, jsonBody, TOKEN);
    }

    protected Reply audity(String method, String path, String jsonBody, String token) {
        MutableHttpRequest<?> request = request(method, AUDITY + path, jsonBody);
        return conforms(Contract.AUDITY, path, token == null ? request : request.bearerAuth(token));
    }

    /** A repo-audit call, answered per {@code schemas/repo-audit-openapi.yaml}; null token is anonymous. */
    protected Reply repoAudit(String method, String path, String jsonBody, String token) {
        MutableHttpRequest<?> request = request(method, REPO_AUDIT + path, jsonBody);
        return conforms(Contract.REPO_AUDIT, path, token == null ? request : request.bearerAuth(token));
    }

    private Reply conforms(Contract contract, String path, MutableHttpRequest<?> request) {
        Reply reply = call(request);
        contract.assertResponse(
                request.getMethodName(),
                path.split("\\?")[0],
                reply.status(),
                reply.headers().asMap(),
                reply.body());
        return reply;
    }

    private static MutableHttpRequest<?> request(String method, String uri, String jsonBody) {
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(method), uri);
        return jsonBody == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON_TYPE).body(jsonBody);
    }
}
