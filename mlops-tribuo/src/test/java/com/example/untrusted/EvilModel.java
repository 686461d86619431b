package com.example.untrusted;

/** Stands for an attacker's class named in a model file: its static initializer must never run. */
public final class EvilModel {
    static {
        InitRecorder.INITIALIZED.add(EvilModel.class.getSimpleName());
    }

    private EvilModel() {
    }
}
