package org.asfast.nodes;

/** A pending timer; cancel it and it never runs. */
public interface Timer {
    void cancel();

    /** True once it has run. */
    boolean fired();
}
