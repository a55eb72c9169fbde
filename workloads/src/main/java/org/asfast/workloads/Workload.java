package org.asfast.workloads;

/**
 * One of the papers' benchmarks, set up on a platform and ready to run its measured operation.
 * Each implementation asks the platform for the capabilities it needs in its constructor and
 * releases what it made in {@link #close()}. The harness (JMH) times the operation.
 */
public interface Workload extends AutoCloseable {
    @Override
    default void close() {
    }
}
