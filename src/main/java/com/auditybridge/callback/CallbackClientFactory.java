package com.auditybridge.callback;

import com.auditybridge.connection.PrivateNetworks;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.resolver.AddressResolverGroup;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP clients callbacks go out on: redirects not followed, the delivery timeout, and a
 * {@link GuardedResolverGroup} as resolver, one client per set of private networks a connection may reach.
 */
@Factory
public class CallbackClientFactory {
    static final String RESOLVER = "callback-ssrf-guard";

    /**
     * Wrapped in its own type so that no other injection point of an {@code HttpClient} can receive one. Micronaut's
     * client registry finds a resolver group by bean name only, so each set of networks registers its own group.
     */
    public static final class CallbackHttp {
        private final Map<PrivateNetworks, HttpClient> clients = new ConcurrentHashMap<>();
        private final AtomicInteger made = new AtomicInteger();
        private final HttpClientRegistry<HttpClient> registry;
        private final BeanContext context;
        private final CallbackSettings settings;
        private final HostLookup lookup;
        private final boolean allowPrivate;
        private final ExecutorService blocking;

        CallbackHttp(
                HttpClientRegistry<HttpClient> registry,
                BeanContext context,
                CallbackSettings settings,
                HostLookup lookup,
                boolean allowPrivate,
                ExecutorService blocking) {
            this.registry = registry;
            this.context = context;
            this.settings = settings;
            this.lookup = lookup;
            this.allowPrivate = allowPrivate;
            this.blocking = blocking;
        }

        /** The client for a connection with these private networks (created on first use, then kept). */
        public HttpClient client(PrivateNetworks networks) {
            return clients.computeIfAbsent(networks, this::create);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private HttpClient create(PrivateNetworks networks) {
            String name = RESOLVER + "-" + made.incrementAndGet();
            context.registerSingleton(
                    AddressResolverGroup.class,
                    new GuardedResolverGroup(lookup, allowPrivate, networks, blocking),
                    (io.micronaut.context.Qualifier) Qualifiers.byName(name));
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setFollowRedirects(false);
            configuration.setConnectTimeout(settings.connectTimeout());
            configuration.setReadTimeout(settings.timeout());
            configuration.setAddressResolverGroupName(name);
            return registry.resolveClient(null, LoadBalancer.empty(), configuration, context);
        }
    }

    @Singleton
    CallbackHttp callbackClients(
            HttpClientRegistry<HttpClient> registry,
            BeanContext context,
            CallbackSettings settings,
            HostLookup lookup,
            @Value("${bridge.allow-private-callbacks:false}") boolean allowPrivate,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return new CallbackHttp(registry, context, settings, lookup, allowPrivate, blocking);
    }
}
