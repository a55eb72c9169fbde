package org.asfast.rmem;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.asfast.nodes.Work;
import org.asfast.rmem.RmemKernel.Descriptor;

/** The machines a live run starts as JVMs of their own (each needs a public no-argument constructor). */
public final class LiveMachines {
    /** The segment the benchmark reads, writes and swaps in, and its size. */
    public static final String BENCH = "bench";
    public static final int BENCH_BYTES = 4096;
    /** Writing to this segment with notification asks the server machine to revoke {@link #BENCH}. */
    public static final String CONTROL = "bench-control";
    /**
     * A WRITE to this segment is echoed: the server WRITEs one cell back, unacknowledged, to the descriptor the cell
     * names ({@link #echoRequest}); at once if the WRITE did not notify (a process spin-waiting on the segment sees
     * the data), from its notification handler if it did, then notifying too.
     */
    public static final String ECHO = "bench-echo";
    /** The name server's address in a live run: started first. */
    public static final int NAME_SERVER = 0;

    private LiveMachines() {
    }

    /** Where an echo request carries its sequence number, which the echo (a copy of the cell) brings back. */
    private static final int ECHO_SEQUENCE = 20;

    /**
     * An echo request, one cell: whether it notifies, where the echo goes, then the request's {@code sequence}
     * (the rest of the cell is zero).
     */
    static byte[] echoRequest(Descriptor replyTo, boolean notify, int sequence) {
        return ByteBuffer.allocate(AtmCell.DATA_BYTES).putInt(notify ? 1 : 0).putInt(replyTo.node()).putInt(replyTo.segment())
                .putInt(replyTo.generation()).putInt(replyTo.bytes()).putInt(sequence).array();
    }

    /** The sequence number of the echo request, or of its echo, in {@code cell}. */
    static int echoSequence(byte[] cell) {
        return ByteBuffer.wrap(cell).getInt(ECHO_SEQUENCE);
    }

    /** The name server: a machine whose clerk's registry other machines publish their names in. */
    public static final class NameServer extends RmemKernel {
    }

    /** A server machine: exports {@link #BENCH}, {@link #CONTROL} and {@link #ECHO} and publishes them at the name server. */
    public static final class Server extends RmemKernel {
        private int bench;
        private int echo;

        @Override
        protected void started() {
            bench = allocate(BENCH_BYTES);
            int control = allocate(AtmCell.DATA_BYTES);
            echo = allocate(AtmCell.DATA_BYTES);
            onDeposit(echo, (from, offset, count) -> {
                if (offset == 0 && !notifies()) {
                    echo(false);
                }
            });
            onNotify(echo, (from, segment, offset) -> {
                if (notifies()) {
                    echo(true);
                }
            });
            onNotify(control, (from, segment, offset) -> {
                context().work(Work.PROCEDURE, 0);
                clerk().revoke(BENCH, (r, e) -> {
                });
            });
            for (String name : new String[] {BENCH, CONTROL, ECHO}) {
                int segment = name.equals(BENCH) ? bench : name.equals(CONTROL) ? control : echo;
                clerk().export(name, segment, (r, e) -> clerk().publish(name, NAME_SERVER, (p, error) -> {
                    if (error != null) {
                        throw new IllegalStateException("publishing " + name + ": " + error);
                    }
                }));
            }
        }

        private boolean notifies() {
            return AtmCell.intAt(memory(echo), 0) == 1;
        }

        private void echo(boolean notify) {
            byte[] request = memory(echo);
            ByteBuffer b = ByteBuffer.wrap(request, 4, 16);
            Descriptor replyTo = new Descriptor(b.getInt(), b.getInt(), b.getInt(), b.getInt());
            write(replyTo, 0, Arrays.copyOf(request, AtmCell.DATA_BYTES), notify, false, Work.DATA_TRANSFER, (r, e) -> {
            });
        }
    }
}
