package com.example.untrusted;

/** Like {@link EvilModel}, used to show what Tribuo's own deserializer does with such a file. */
public final class EvilModelTwo {
    static {
        InitRecorder.INITIALIZED.add(EvilModelTwo.class.getSimpleName());
    }

    private EvilModelTwo() {
    }
}
