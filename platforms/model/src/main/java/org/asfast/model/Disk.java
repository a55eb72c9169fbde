package org.asfast.model;

import org.asfast.sim.FifoResource;

/**
 * A 1990 disk with one arm: the controller's per-command overhead, a seek when the arm moves to another cylinder, a wait for the sector to
 * come round, then the transfer. Writes queue: a synchronous I/O waits for earlier asynchronous ones.
 *
 * <p>The wait for the sector is exact when the model knows where the sector lies relative to the head: on the track
 * the last transfer ended on, or right after it. So a write to the sector just written waits a whole rotation, as
 * Sprite's i-node write does in create-delete, and a block queued behind its neighbour misses its start. Where the
 * sector lies on another track, its angle depends on a layout the papers do not give, and the disk waits half a
 * rotation, the mean: most of the paper's UNIX create-delete times in Table 10 are not whole rotations, so their
 * I/Os were not locked in phase.
 *
 * <p>Addresses are in kilobytes from the start of the disk.
 */
final class Disk {
    private final VirtualClock clock;
    private final FifoResource queue;
    private final double seekNs;
    private final double rotationNs;
    private final double trackKb;
    private final double cylinderKb;
    private final double overheadNs;
    private long armCylinder = -1;
    private double lastEndKb = -1;
    /** Where the platter stood at virtual time zero, as far as the model knows (set by the last transfer). */
    private double phaseNs;

    Disk(VirtualClock clock, ModelSpec spec) {
        this.clock = clock;
        queue = new FifoResource(clock.simulation(), "disk");
        seekNs = spec.number("disk_seek_ms") * 1e6;
        rotationNs = spec.number("disk_rotation_ms") * 1e6;
        trackKb = spec.number("disk_track_kb");
        cylinderKb = spec.number("disk_cylinder_kb");
        overheadNs = spec.number("disk_overhead_ms") * 1e6;
    }

    /** Writes and waits for the write to reach the disk. */
    void syncWrite(long addressKb, long bytes) {
        clock.waitUntil(queue.serve(clock.now(), start -> finish(addressKb, bytes, start)));
    }

    /** Queues a write and returns at once; later synchronous I/O waits behind it. */
    void asyncWrite(long addressKb, long bytes) {
        queue.serve(clock.now(), start -> finish(addressKb, bytes, start));
    }

    /** Books a transfer arriving at {@code arrival} from a simulated node's storage, which waits for it itself; returns when it ends. */
    double book(double arrival, long addressKb, long bytes) {
        return queue.serve(arrival, start -> finish(addressKb, bytes, start));
    }

    /** Reads and waits. */
    void read(long addressKb, long bytes) {
        syncWrite(addressKb, bytes);
    }

    private double finish(long addressKb, long bytes, double start) {
        // Controller and driver work per command: the head moves on meanwhile, so a block that starts
        // right where the last one ended has already passed and costs a whole rotation.
        double t = start + overheadNs;
        long cylinder = (long) (addressKb / cylinderKb);
        if (cylinder != armCylinder) {
            t += seekNs;
            armCylinder = cylinder;
        }
        boolean phaseKnown = Math.floor(addressKb / trackKb) == Math.floor(lastEndKb / trackKb); // on the track the last transfer ended on
        double sector = frac(addressKb / trackKb);
        if (phaseKnown) {
            double head = frac((t + phaseNs) / rotationNs);
            t += frac(sector - head) * rotationNs;
        } else {
            t += rotationNs / 2;
            phaseNs = frac(sector - t / rotationNs) * rotationNs; // the sector is under the head now
        }
        t += bytes / 1024.0 / trackKb * rotationNs;
        lastEndKb = addressKb + bytes / 1024.0;
        return t;
    }

    private static double frac(double x) {
        return x - Math.floor(x);
    }
}
