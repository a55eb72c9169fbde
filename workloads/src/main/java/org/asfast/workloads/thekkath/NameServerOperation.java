package org.asfast.workloads.thekkath;

import org.asfast.spi.Platform;
import org.asfast.spi.RemoteMemory;
import org.asfast.workloads.Workload;

/**
 * Thekkath et al. Table 3, the name server's operations as the user sees them, each a kernel call to this machine's
 * clerk: export a segment of this machine's (ADDNAME), import one another machine exported ({@code bench}) from the
 * clerk's cache or by reading the name server's registry remotely (LOOKUP), revoke an export (DELETENAME), and
 * import by control transfer (LOOKUP with notification).
 */
public final class NameServerOperation implements Workload {
    /** What one operation is. */
    public enum Operation {
        EXPORT, IMPORT_CACHED, IMPORT_UNCACHED, REVOKE, LOOKUP_WITH_NOTIFICATION
    }

    /** The name this machine exports and revokes. */
    public static final String OWN = "table3";

    private final RemoteMemory memory;
    private final Operation operation;

    public NameServerOperation(Platform platform, Operation operation) {
        memory = platform.require(RemoteMemory.class);
        this.operation = operation;
        // A first import: it waits while the other machine is still publishing its names, and fills the clerk's cache.
        memory.open(RemoteMemoryLatency.SEGMENT);
    }

    /** Before each operation, out of its time: a revoke needs an export to revoke. */
    public void prepare() {
        if (operation == Operation.REVOKE) {
            memory.export(OWN);
        }
    }

    public void operate() {
        switch (operation) {
            case EXPORT -> memory.export(OWN);
            case IMPORT_CACHED -> memory.lookup(RemoteMemoryLatency.SEGMENT, true);
            case IMPORT_UNCACHED -> memory.lookup(RemoteMemoryLatency.SEGMENT, false);
            case REVOKE -> memory.revoke(OWN);
            case LOOKUP_WITH_NOTIFICATION -> memory.lookupByNotification(RemoteMemoryLatency.SEGMENT);
        }
    }
}
