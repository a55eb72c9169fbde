package org.asfast.rmem;

import org.asfast.nodes.Faults;
import org.asfast.rmem.RmemKernel.Completion;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.asfast.spi.UserError;

/**
 * One remote READ of a named segment between two simulated DECstations, for the command line: machine 1 exports
 * {@link #DEMO} through its clerk; machine 0 imports the name asked for (reading machine 1's registry) and reads.
 * An unknown name or bytes outside the segment are one-line {@link UserError}s.
 */
public final class RmemAccess {
    public static final String DEMO = "demo";
    public static final int DEMO_BYTES = 4096;

    /** The imported segment and the READ's simulated latency. */
    public record Result(Descriptor segment, double micros) {
    }

    private RmemAccess() {
    }

    public static Result read(String name, int offset, int bytes) {
        RmemSimulated sim = new RmemSimulated(RmemSimulated.parameters(), Faults.NONE);
        RmemKernel client = new RmemKernel();
        RmemKernel exporter = new RmemKernel();
        sim.add(client);
        sim.add(exporter);
        sim.boot();
        call(sim, 1, (k, done) -> k.clerk().export(DEMO, k.allocate(DEMO_BYTES), done), "export");
        Descriptor d = NameClerk.decode(call(sim, 0, (k, done) -> k.clerk().lookup(name, 1, true, done), "import"));
        int[] local = {-1};
        // No bigger than the segment read from: more could not be read, and the READ says so (not the heap).
        sim.run(0, k -> local[0] = k.allocate(Math.max(0, Math.min(bytes, d.bytes()))), () -> local[0] >= 0, "allocate");
        long[] times = new long[2];
        call(sim, 0, (k, done) -> {
            times[0] = k.context().nanos();
            k.read(d, offset, bytes, local[0], 0, false, (r, e) -> {
                times[1] = k.context().nanos();
                done.completed(r, e);
            });
        }, "read");
        return new Result(d, (times[1] - times[0]) / 1e3);
    }

    private interface Operation {
        void start(RmemKernel kernel, Completion done);
    }

    private static byte[] call(RmemSimulated sim, int machine, Operation op, String what) {
        byte[][] result = {null};
        String[] error = {null};
        boolean[] done = {false};
        sim.run(machine, k -> op.start(k, (r, e) -> {
            result[0] = r;
            error[0] = e;
            done[0] = true;
        }), () -> done[0], what);
        if (error[0] != null) {
            throw new UserError(what + ": " + error[0]);
        }
        return result[0];
    }
}
