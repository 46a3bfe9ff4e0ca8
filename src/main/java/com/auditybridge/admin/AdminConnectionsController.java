package com.auditybridge.admin;

import com.auditybridge.admin.ConnectionBodies.ConnectionBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The connections admin API, behind {@link AdminAuthFilter}. Keys and the signing secret
 * are answered once, at creation; every other answer shows fingerprints and key prefixes only.
 */
@Controller("/v1/admin/connections")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminConnectionsController {
    private final ConnectionAdmin admin;

    public AdminConnectionsController(ConnectionAdmin admin) {
        this.admin = admin;
    }

    @Post
    HttpResponse<ConnectionViews.Created> create(@Body @Nullable ConnectionBody body) {
        ConnectionViews.Created created = admin.create(body);
        return HttpResponse.<ConnectionViews.Created>status(HttpStatus.CREATED)
                .body(created)
                .header("Location", "/v1/admin/connections/" + created.id());
    }

    @Get
    ConnectionViews.ConnectionList list() {
        return new ConnectionViews.ConnectionList(admin.all());
    }

    @Get("/{id}")
    ConnectionViews.ConnectionView one(@PathVariable String id) {
        return admin.one(id);
    }

    @Patch("/{id}")
    ConnectionViews.ConnectionView update(@PathVariable String id, @Body @Nullable ConnectionBody body) {
        return admin.update(id, body);
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(@PathVariable String id) {
        admin.delete(id);
        return HttpResponse.noContent();
    }

    @Post("/{id}/keys")
    HttpResponse<ConnectionViews.IssuedKey> issueKey(@PathVariable String id) {
        return HttpResponse.<ConnectionViews.IssuedKey>status(HttpStatus.CREATED)
                .body(admin.issueKey(id));
    }

    /** A new token for Audity's webhooks ({@code default} included); the previous one stops working. */
    @Post("/{id}/webhook-token")
    HttpResponse<ConnectionViews.IssuedWebhookToken> rotateWebhookToken(@PathVariable String id) {
        return HttpResponse.<ConnectionViews.IssuedWebhookToken>status(HttpStatus.CREATED)
                .body(admin.rotateWebhookToken(id));
    }

    @Delete("/{id}/keys/{keyId}")
    HttpResponse<Void> revokeKey(@PathVariable String id, @PathVariable String keyId) {
        admin.revokeKey(id, keyId);
        return HttpResponse.noContent();
    }
}
