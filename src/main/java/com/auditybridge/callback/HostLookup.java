package com.auditybridge.callback;

import io.micronaut.context.annotation.DefaultImplementation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution for callback targets; one seam, so tests can make a name's answer change. */
@DefaultImplementation(HostLookup.System.class)
public interface HostLookup {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The platform resolver (blocking: call it off the event loop). */
    @jakarta.inject.Singleton
    class System implements HostLookup {
        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return List.of(InetAddress.getAllByName(host));
        }
    }
}
