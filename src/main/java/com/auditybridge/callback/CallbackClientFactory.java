package com.auditybridge.callback;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.resolver.AddressResolverGroup;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/**
 * The HTTP client callbacks go out on: redirects not followed, the delivery timeout, and the
 * {@link GuardedResolverGroup} as its resolver (found by name by Micronaut's client registry).
 */
@Factory
public class CallbackClientFactory {
    static final String RESOLVER = "callback-ssrf-guard";

    @Singleton
    @Named(RESOLVER)
    AddressResolverGroup<InetSocketAddress> guardedResolver(
            HostLookup lookup,
            @Value("${bridge.allow-private-callbacks:false}") boolean allowPrivate,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return new GuardedResolverGroup(lookup, allowPrivate, blocking);
    }

    /** Wrapped in its own type so that no other injection point of an {@code HttpClient} can receive it. */
    public record CallbackHttp(HttpClient client) {}

    @Singleton
    CallbackHttp callbackClient(
            HttpClientRegistry<HttpClient> registry, BeanContext context, CallbackSettings settings) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        configuration.setConnectTimeout(settings.connectTimeout());
        configuration.setReadTimeout(settings.timeout());
        configuration.setAddressResolverGroupName(RESOLVER);
        return new CallbackHttp(registry.resolveClient(null, LoadBalancer.empty(), configuration, context));
    }
}
