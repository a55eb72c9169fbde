package org.asfast.model;

import java.util.ArrayList;
import java.util.List;
import org.asfast.model.Namespace.Node;

/**
 * Files on the machine's own disk, with the operating system's write policy (§11):
 * <ul>
 * <li>UNIX derivatives force i-node and directory writes to disk when a file is created or deleted,
 *     and write each full data block as soon as it is filled (asynchronously, but the disk is busy);
 *     a file's first indirect block is written synchronously;</li>
 * <li>Sprite keeps new data in memory until it is 30 seconds old and writes one i-node when a file is deleted;</li>
 * <li>SunOS 4.0.3 maps files; closing a written file larger than 8 KB (the Sun-4's page size) waits for the pager.</li>
 * </ul>
 */
final class LocalDisk implements FileService {
    private static final double DELAYED_WRITE_NS = 30e9;

    final Hardware hw;
    private final double openPath;
    private final double lookupPath;
    private final double closePath;
    private final double createPath;
    private final double deletePath;
    private final double readPath;
    private final double writePath;
    private final int createSyncWrites;
    private final int deleteSyncWrites;
    private final boolean delayedData;
    private final int blockSyncWrites;
    private final double mappedFileStallNs;
    private final long mappedFileStallAbove;
    private final double spawnReadKb;
    private final long inodeWriteBytes;
    private final boolean emptyTruncateWritesInode;
    private final Namespace names;
    private final List<Node> delayed = new ArrayList<>();

    LocalDisk(Hardware hw, ModelSpec spec, Namespace names) {
        this.hw = hw;
        this.names = names;
        openPath = spec.number("open_instructions");
        lookupPath = spec.number("lookup_instructions");
        closePath = spec.number("close_instructions");
        // Creating and deleting walk the same name path as open, plus their own work.
        createPath = openPath + spec.number("create_extra_instructions");
        deletePath = openPath + spec.number("delete_extra_instructions");
        readPath = spec.number("read_instructions");
        writePath = spec.number("write_instructions");
        createSyncWrites = (int) spec.number("create_sync_writes");
        deleteSyncWrites = (int) spec.number("delete_sync_writes");
        delayedData = spec.word("data_writes").equals("delayed");
        blockSyncWrites = (int) spec.number("block_sync_writes");
        mappedFileStallNs = spec.number("mapped_file_stall_ms") * 1e6;
        mappedFileStallAbove = (long) (spec.number("mapped_file_stall_above_kb") * 1024);
        spawnReadKb = spec.number("exec_read_kb");
        inodeWriteBytes = (long) (spec.number("inode_write_kb") * 1024);
        emptyTruncateWritesInode = spec.flag("empty_truncate_writes_inode");
    }

    @Override
    public void open(String path, Node node) {
        flushOldData();
        hw.syscall(openPath + lookups(path));
    }

    @Override
    public void create(String path, Node node) {
        flushOldData();
        hw.syscall(createPath + lookups(path));
        forceMetadata(createSyncWrites, false, true, path, node);
    }

    @Override
    public void write(String path, Node node, long offset, long bytes) {
        hw.syscall(writePath);
        hw.copy(bytes, hw.fitsInCache(bytes), false);
        for (long block = offset / Namespace.BLOCK; block < (offset + bytes) / Namespace.BLOCK; block++) {
            blockFilled(node, block);
        }
    }

    /** Where a full data block goes under this system's policy. */
    void blockFilled(Node node, long block) {
        if (delayedData) {
            node.lastWrite = hw.clock.now();
            if (!delayed.contains(node)) {
                delayed.add(node);
            }
            return;
        }
        if (block == Namespace.DIRECT_BLOCKS) {
            writeIndirect(node); // the new indirect block
        }
        if (blockSyncWrites == 0) {
            hw.disk.asyncWrite(node.blockKb(block), Namespace.BLOCK);
            return;
        }
        hw.disk.syncWrite(node.blockKb(block), Namespace.BLOCK);
        for (int i = 1; i < blockSyncWrites; i++) {
            writeInode(node); // the i-node, whose size and block list changed
        }
    }

    @Override
    public void read(String path, Node node, long offset, long bytes) {
        hw.syscall(readPath);
        hw.copy(bytes, false, hw.fitsInCache(bytes));
    }

    @Override
    public void close(String path, Node node, boolean written) {
        hw.syscall(closePath);
        if (written && mappedFileStallNs > 0 && node.size > mappedFileStallAbove) {
            hw.clock.advance(mappedFileStallNs);
        }
    }

    @Override
    public void unlink(String path, Node node) {
        hw.syscall(deletePath + lookups(path));
        delayed.remove(node);
        // Truncating an empty file changes nothing; some systems then write nothing.
        forceMetadata(deleteSyncWrites, true, node.size > 0 || emptyTruncateWritesInode, path, node);
    }

    @Override
    public void stat(String path, Node node) {
        hw.syscall(lookups(path));
    }

    @Override
    public void mkdir(String path, Node node) {
        create(path, node);
    }

    @Override
    public void exec() {
        hw.syscall(openPath);
        hw.copy((long) (spawnReadKb * 1024), false, false); // the program's pages, from the file cache
    }

    double lookups(String path) {
        return Namespace.components(path) * lookupPath;
    }

    /** The i-node of the directory holding {@code path}, written and waited for (an NFS server commits it before replying). */
    void commitDirectory(String path) {
        hw.disk.syncWrite(names.parentInodeKb(path), inodeWriteBytes);
    }

    /** An i-node goes to disk with the block that holds it (4.3 BSD's iupdat writes the whole file-system block). */
    void writeInode(Node node) {
        hw.disk.syncWrite(node.inodeKb(), inodeWriteBytes);
    }

    /** An indirect block is a whole file-system block. */
    void writeIndirect(Node node) {
        hw.disk.syncWrite(node.indirectKb(), Namespace.BLOCK);
    }

    /**
     * Synchronous i-node and directory writes, alternating from the i-node as a create forces them; a delete forces
     * them in reverse, the directory first (4.3 BSD's dirremove) and the i-node last (itrunc), so a system forcing one
     * write forces the i-node. The next create reuses that i-node and rewrites the block the delete just wrote.
     */
    private void forceMetadata(int count, boolean reverse, boolean writesInode, String path, Node node) {
        for (int k = 0; k < count; k++) {
            int i = reverse ? count - 1 - k : k;
            if (i % 2 == 1) {
                hw.disk.syncWrite(names.directoryKb(path), 1024); // a small directory's one fragment
            } else if (writesInode) {
                writeInode(node);
            }
        }
    }

    /** Sprite's delayed writes: data older than 30 seconds goes to disk in the background. */
    private void flushOldData() {
        if (delayed.isEmpty()) {
            return;
        }
        for (Node node : List.copyOf(delayed)) {
            if (hw.clock.now() - node.lastWrite >= DELAYED_WRITE_NS) {
                for (long b = 0; b * Namespace.BLOCK < node.size; b++) {
                    hw.disk.asyncWrite(node.blockKb(b), Namespace.BLOCK);
                }
                delayed.remove(node);
            }
        }
    }
}
