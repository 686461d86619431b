package com.example.untrusted;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Records which of the "evil" test classes had their static initializer run (i.e. were instantiated or resolved). */
public final class InitRecorder {
    public static final Set<String> INITIALIZED = ConcurrentHashMap.newKeySet();

    private InitRecorder() {
    }
}
