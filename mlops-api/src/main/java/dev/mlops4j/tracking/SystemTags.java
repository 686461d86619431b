package dev.mlops4j.tracking;

/**
 * Names of the tags mlops4j sets itself. Every system tag starts with {@link #PREFIX}; user code
 * may read them but cannot set or delete keys under that prefix.
 */
public final class SystemTags {
    /** The reserved prefix of system tags. */
    public static final String PREFIX = "mlops.";
    /** Class name of the exception that failed a run. */
    public static final String ERROR_CLASS = PREFIX + "error.class";
    /** Message of the exception that failed a run (truncated to the tag value limit). */
    public static final String ERROR_MESSAGE = PREFIX + "error.message";
    /** Why a run was marked KILLED (for example, its owning process died). */
    public static final String KILLED_REASON = PREFIX + "killed.reason";
    /** Host name of the process that started the run. */
    public static final String HOST = PREFIX + "host";
    /** Operating-system process id of the JVM that started the run. */
    public static final String PID = PREFIX + "pid";
    /** mlops4j version that wrote the run. */
    public static final String VERSION = PREFIX + "version";

    private SystemTags() {
    }

    /**
     * @param key a tag key
     * @return true if the key is reserved for mlops4j
     */
    public static boolean isReserved(String key) {
        return key.startsWith(PREFIX);
    }
}
