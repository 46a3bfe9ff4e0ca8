package com.auditybridge.callback;

import com.auditybridge.connection.PrivateNetworks;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The callback client's resolver: the SSRF guard at connect time. The name is resolved again when the
 * connection is made (off the event loop) and refused if any address of the answer is private and outside the
 * connection's private networks, so a DNS answer that changed since intake cannot reach the bridge's own network.
 * One group per set of private networks (see {@link CallbackClientFactory.CallbackHttp}).
 */
public class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {
    private final HostLookup lookup;
    private final boolean allowPrivate;
    private final PrivateNetworks networks;
    private final Executor blocking;

    public GuardedResolverGroup(HostLookup lookup, boolean allowPrivate, PrivateNetworks networks, Executor blocking) {
        this.lookup = lookup;
        this.allowPrivate = allowPrivate;
        this.networks = networks;
        this.blocking = blocking;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new Guarded(executor));
    }

    /** Thrown (as the connect failure) when a target resolves into a refused range. */
    public static final class PrivateTargetException extends ConnectException {
        PrivateTargetException(String host, InetAddress address) {
            super("refused: " + host + " resolves to a private or local address (" + address.getHostAddress() + ")");
        }
    }

    private final class Guarded extends InetNameResolver {
        Guarded(EventExecutor executor) {
            super(executor);
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            Promise<List<InetAddress>> all = executor().newPromise();
            all.addListener(f -> {
                if (f.isSuccess()) {
                    promise.trySuccess(all.getNow().get(0));
                } else {
                    promise.tryFailure(f.cause());
                }
            });
            doResolveAll(host, all);
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            blocking.execute(() -> {
                try {
                    List<InetAddress> answer = lookup.resolve(host);
                    var refused = allowPrivate
                            ? java.util.Optional.<InetAddress>empty()
                            : CallbackTargets.privateAmong(host, answer, networks);
                    if (refused.isPresent()) {
                        promise.tryFailure(new PrivateTargetException(host, refused.get()));
                    } else {
                        promise.trySuccess(answer);
                    }
                } catch (Exception e) {
                    promise.tryFailure(e);
                }
            });
        }
    }
}
