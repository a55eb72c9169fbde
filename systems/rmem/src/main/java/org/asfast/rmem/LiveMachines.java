package org.asfast.rmem;

import org.asfast.nodes.Work;

/** The machines a live run starts as JVMs of their own (each needs a public no-argument constructor). */
public final class LiveMachines {
    /** The segment the benchmark reads, writes and swaps in, and its size. */
    public static final String BENCH = "bench";
    public static final int BENCH_BYTES = 4096;
    /** Writing to this segment with notification asks the server machine to revoke {@link #BENCH}. */
    public static final String CONTROL = "bench-control";
    /** The name server's address in a live run: started first. */
    public static final int NAME_SERVER = 0;

    private LiveMachines() {
    }

    /** The name server: a machine whose clerk's registry other machines publish their names in. */
    public static final class NameServer extends RmemKernel {
    }

    /** A server machine: exports {@link #BENCH} and {@link #CONTROL} and publishes both at the name server. */
    public static final class Server extends RmemKernel {
        private int bench;

        @Override
        protected void started() {
            bench = allocate(BENCH_BYTES);
            int control = allocate(AtmCell.DATA_BYTES);
            onNotify(control, (from, segment, offset) -> {
                context().work(Work.PROCEDURE, 0);
                clerk().revoke(BENCH, (r, e) -> {
                });
            });
            for (String name : new String[] {BENCH, CONTROL}) {
                clerk().export(name, name.equals(BENCH) ? bench : control, (r, e) -> clerk().publish(name, NAME_SERVER, (p, error) -> {
                    if (error != null) {
                        throw new IllegalStateException("publishing " + name + ": " + error);
                    }
                }));
            }
        }
    }
}
