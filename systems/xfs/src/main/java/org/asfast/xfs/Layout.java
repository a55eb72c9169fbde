package org.asfast.xfs;

import org.asfast.nodes.NodeContext;

/**
 * Who is who in one xFS installation, the same in simulation and live: managers have addresses 0 to M-1, storage
 * servers the next S, clients the rest. Storage servers form stripe groups of {@code width} (a stripe is
 * width - 1 data fragments and a parity fragment); a block's manager is fixed by its number, and a client writes its
 * stripes to one group fixed by its address.
 */
public record Layout(int managers, int storageServers, int width, int clients) {
    public Layout {
        if (managers < 1 || width < 2 || storageServers < width || storageServers % width != 0 || clients < 0) {
            throw new IllegalArgumentException("an xFS installation needs a manager, and storage servers in whole stripe groups of at least 2 (data and parity); got "
                    + managers + " managers, " + storageServers + " storage servers in groups of " + width);
        }
    }

    /** The layout a node reads from its system's parameters. */
    static Layout of(NodeContext context) {
        return new Layout((int) context.parameter("xfs_managers"), (int) context.parameter("xfs_storage_servers"),
                (int) context.parameter("xfs_stripe_width"), (int) context.parameter("xfs_clients"));
    }

    public int nodes() {
        return managers + storageServers + clients;
    }

    public int manager(long block) {
        return (int) Math.floorMod(block, (long) managers);
    }

    public int storageServer(int i) {
        return managers + i;
    }

    public int client(int i) {
        return managers + storageServers + i;
    }

    public int groups() {
        return storageServers / width;
    }

    /** The stripe group a client writes to. */
    public int groupOf(int client) {
        return Math.floorMod(client, groups());
    }

    /** The address of fragment {@code index} of group {@code group}'s stripes. */
    public int member(int group, int index) {
        return managers + group * width + index;
    }

    /** The group a storage server belongs to, and its fragment index there. */
    public int groupOfServer(int address) {
        return (address - managers) / width;
    }

    public int indexInGroup(int address) {
        return (address - managers) % width;
    }
}
