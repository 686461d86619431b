package com.example.untrusted;

/**
 * An attacker's class hidden inside a model file: its name has exactly the length of
 * {@code org.tribuo.ImmutableFeatureMap}, so it can replace that nested class name byte for byte.
 */
public final class EvilFea2 {
    static {
        InitRecorder.INITIALIZED.add(EvilFea2.class.getSimpleName());
    }

    private EvilFea2() {
    }
}
