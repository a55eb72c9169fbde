package org.asfast.spi;

/** Starting other processes: the cswitch partner and the Andrew benchmark's per-file copies. */
public interface Processes extends Capability {

    /**
     * Starts {@code program} with the given descriptors as its standard input and output (either may
     * be -1 for none). The child gets no other descriptor of ours.
     */
    Child spawn(Program program, int stdinFd, int stdoutFd, Placement placement);

    /** Where a child runs relative to the process that spawned it. */
    enum Placement {
        /** Child and calling thread pinned to one CPU, as on the papers' uniprocessors. */
        SAME_CPU,
        /**
         * Child and calling thread pinned to two different CPUs, so that every wake-up crosses CPUs. Left to the
         * scheduler, the pair sometimes shares a CPU and sometimes not, and a figure mixing the two never settles.
         */
        CROSS_CPU,
        /** Wherever the scheduler puts them. */
        ANY
    }

    /** A running child. */
    interface Child extends AutoCloseable {
        /** Waits for the child to exit and returns its exit status. */
        int waitFor();

        /** Waits for (or, after a grace period, kills) the child, and undoes any pinning. */
        @Override
        void close();
    }
}
