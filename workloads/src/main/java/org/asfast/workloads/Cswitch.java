package org.asfast.workloads;

import java.lang.foreign.MemorySegment;

import org.asfast.spi.Memory;
import org.asfast.spi.Pipes;
import org.asfast.spi.Platform;
import org.asfast.spi.Processes;
import org.asfast.spi.Processes.Placement;
import org.asfast.spi.Program;

/**
 * Ousterhout §5, Context Switching: "forking a child process and then repeatedly passing one byte
 * back and forth between parent and child using two pipes (one for each direction)". A round trip
 * is one read and one write in each process plus two context switches.
 *
 * <p>The paper's machines were uniprocessors, so by default both processes share one CPU
 * ({@link Placement#SAME_CPU}); across CPUs the round trip measures wake-up latency instead.
 */
public final class Cswitch implements Workload {
    private final Pipes pipes;
    private final Pipes.Pipe toChild;
    private final Pipes.Pipe fromChild;
    private final Processes.Child child;
    private final MemorySegment oneByte;

    public Cswitch(Platform platform, Placement placement) {
        pipes = platform.require(Pipes.class);
        Processes processes = platform.require(Processes.class);
        oneByte = platform.require(Memory.class).allocate(1, 8);
        toChild = pipes.open();
        fromChild = pipes.open();
        child = processes.spawn(Program.echo(), toChild.readFd(), fromChild.writeFd(), placement);
        // The child owns these ends now. If we kept them open the child would never see end of file
        // on its input, and close() would wait for it forever.
        pipes.close(toChild.readFd());
        pipes.close(fromChild.writeFd());
    }

    /** Sends one byte to the child and waits for it to come back. */
    public int roundTrip() {
        pipes.write(toChild.writeFd(), oneByte, 1);
        int n = pipes.read(fromChild.readFd(), oneByte, 1);
        if (n != 1) {
            throw new IllegalStateException("the echo partner closed its pipe (read returned " + n + ")");
        }
        return n;
    }

    @Override
    public void close() {
        pipes.close(toChild.writeFd()); // end of file tells the child to exit
        try {
            child.close();
        } finally {
            pipes.close(fromChild.readFd());
        }
    }
}
