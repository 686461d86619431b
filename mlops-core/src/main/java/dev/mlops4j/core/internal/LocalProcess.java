package dev.mlops4j.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** The identity of this JVM for owner records: host name and process id, computed once. */
final class LocalProcess {
    private LocalProcess() {
    }

    /** @return this host's name; stable for the life of the JVM */
    static String host() {
        return Holder.HOST;
    }

    /** @return this JVM's process id */
    static long pid() {
        return ProcessHandle.current().pid();
    }

    /** @return the mlops4j version from the jar manifest, "dev" when running from classes */
    static String version() {
        return Optional.ofNullable(LocalProcess.class.getPackage().getImplementationVersion()).orElse("dev");
    }

    /** Lazy, because resolving the host name may consult DNS. */
    private static final class Holder {
        static final String HOST = resolveHost();

        private static String resolveHost() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException | SecurityException e) {
                String env = System.getenv("HOSTNAME");
                return env != null && !env.isBlank() ? env : "localhost";
            }
        }
    }
}
