package org.asfast.workloads.thekkath;

import org.asfast.spi.Platform;
import org.asfast.spi.RemoteMemory;
import org.asfast.workloads.Workload;

/**
 * Thekkath et al. Table 2, latency: "the elapsed time for performing single-cell accesses. Each single-cell read and
 * write operation moves 10 4-byte words." One READ of 40 bytes, one WRITE of 40 bytes, or one CAS, on a segment
 * another machine exported as {@code bench}.
 */
public final class RemoteMemoryLatency implements Workload {
    /** What one operation is. */
    public enum Operation {
        READ, WRITE, CAS
    }

    /** The segment the platform's other machine exports for this workload. */
    public static final String SEGMENT = "bench";
    private static final int CELL_BYTES = 40;

    private final RemoteMemory.Segment segment;
    private final Operation operation;
    private final byte[] cell = new byte[CELL_BYTES];
    private int word;

    public RemoteMemoryLatency(Platform platform, Operation operation) {
        segment = platform.require(RemoteMemory.class).open(SEGMENT);
        this.operation = operation;
    }

    /** One single-cell operation. */
    public void operate() {
        switch (operation) {
            case READ -> segment.read(0, CELL_BYTES);
            case WRITE -> segment.write(0, cell);
            case CAS -> {
                // Swap the word on from the value it holds, so that every CAS succeeds and does the same work.
                if (segment.compareAndSwap(CELL_BYTES, word, word + 1)) {
                    word++;
                } else {
                    throw new IllegalStateException("another client changed the benchmark's word");
                }
            }
        }
    }

    @Override
    public void close() {
    }
}
