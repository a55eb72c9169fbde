package org.asfast.workloads;

import java.lang.foreign.MemorySegment;

import org.asfast.spi.Memory;
import org.asfast.spi.Pipes;
import org.asfast.spi.Platform;
import org.asfast.spi.Select;

/**
 * Ousterhout §6, Select: "creates a number of pipes, places data in some of those pipes, and then
 * repeatedly calls select to determine how many of the pipes are readable. A zero timeout is used
 * in each select call so that the kernel call never waits." Three cases: a single empty pipe, ten
 * empty pipes, and ten pipes that each contain data.
 */
public final class SelectPipes implements Workload {

    /** The paper's three columns. */
    public enum Case {
        ONE_EMPTY("1 pipe", 1, false),
        TEN_EMPTY("10 empty", 10, false),
        TEN_FULL("10 full", 10, true);

        public final String label;
        final int pipes;
        final boolean full;

        Case(String label, int pipes, boolean full) {
            this.label = label;
            this.pipes = pipes;
            this.full = full;
        }
    }

    private final Pipes pipes;
    private final Select select;
    private final Pipes.Pipe[] open;
    private final int[] readEnds;
    private final int expectedReadable;

    public SelectPipes(Platform platform, Case selected) {
        pipes = platform.require(Pipes.class);
        select = platform.require(Select.class);
        MemorySegment oneByte = platform.require(Memory.class).allocate(1, 8);
        open = new Pipes.Pipe[selected.pipes];
        readEnds = new int[selected.pipes];
        for (int i = 0; i < selected.pipes; i++) {
            open[i] = pipes.open();
            readEnds[i] = open[i].readFd();
            if (selected.full) {
                pipes.write(open[i].writeFd(), oneByte, 1);
            }
        }
        expectedReadable = selected.full ? selected.pipes : 0;
    }

    /** One select call with a zero timeout; returns how many pipes were readable. */
    public int call() {
        return select.readableNow(readEnds);
    }

    /** How many pipes {@link #call()} should find readable. */
    public int expectedReadable() {
        return expectedReadable;
    }

    @Override
    public void close() {
        // Idempotent: closing a descriptor twice could close one that another part of the JVM reused.
        for (int i = 0; i < open.length; i++) {
            if (open[i] != null) {
                pipes.close(open[i].readFd());
                pipes.close(open[i].writeFd());
                open[i] = null;
            }
        }
    }
}
