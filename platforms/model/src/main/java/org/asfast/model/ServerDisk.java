package org.asfast.model;

import java.util.ArrayList;
import java.util.List;
import org.asfast.sim.cluster.DiskTiming;

/**
 * A simulated file server's disk, timed as the model's {@link Disk} times one (seek, the platter's position, the
 * transfer): the server's named storages (its i-nodes, its data) each lie in a region of their own, on other
 * cylinders, at their byte offsets.
 */
final class ServerDisk implements DiskTiming {
    private static final long REGION_KB = 1L << 40;
    private final Disk disk;
    private final List<String> storages = new ArrayList<>();

    ServerDisk(Disk disk) {
        this.disk = disk;
    }

    @Override
    public double book(double arrival, String storage, long offset, int bytes) {
        if (!storages.contains(storage)) {
            storages.add(storage);
        }
        return disk.book(arrival, storages.indexOf(storage) * REGION_KB + offset / 1024, bytes);
    }
}
