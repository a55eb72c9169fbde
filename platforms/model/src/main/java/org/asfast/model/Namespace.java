package org.asfast.model;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.asfast.spi.UserError;

/**
 * The modelled file system's names and i-nodes. Files hold sizes, not bytes: the workloads check
 * counts, never contents. Like 4.3 BSD, a new file gets the lowest free i-node number, so a file
 * created again after a delete lands on the same i-node block.
 */
final class Namespace {
    static final long BLOCK = 8192;
    /** Blocks an i-node addresses directly; the next one needs an indirect block. */
    static final int DIRECT_BLOCKS = 12;
    private static final long INODE_AREA_KB = 64;
    private static final long DIRECTORY_AREA_KB = 4096;
    private static final long DATA_AREA_KB = 8192;

    /** A file or directory. */
    static final class Node {
        final boolean directory;
        final int inode;
        final long dataKb;
        long size;
        double lastWrite = -1;

        Node(boolean directory, int inode, long dataKb) {
            this.directory = directory;
            this.inode = inode;
            this.dataKb = dataKb;
        }

        long inodeKb() {
            return INODE_AREA_KB + inode / 8;
        }

        long blockKb(long index) {
            return dataKb + index * (BLOCK / 1024);
        }

        /** The file's first indirect block, allocated with its first block past the direct ones. */
        long indirectKb() {
            return blockKb(DIRECT_BLOCKS) + 512;
        }
    }

    private final Map<String, Node> nodes = new HashMap<>();
    private final BitSet inodes = new BitSet();
    private long nextDataKb = DATA_AREA_KB;

    Namespace() {
        inodes.set(0, 2); // 0 unused, 1 the root directory
        nodes.put("", new Node(true, 1, 0));
    }

    Node lookup(String path) {
        Node node = nodes.get(path);
        if (node == null) {
            throw new IllegalStateException("no such file in the modelled file system: " + path);
        }
        return node;
    }

    Node create(String path, boolean directory) {
        check(path);
        Node existing = nodes.get(path);
        if (existing != null) {
            if (existing.directory != directory) {
                throw new IllegalStateException(path + " already exists as a " + (existing.directory ? "directory" : "file"));
            }
            if (!directory) {
                existing.size = 0;
            }
            return existing;
        }
        lookup(parent(path));
        int inode = inodes.nextClearBit(2);
        inodes.set(inode);
        Node node = new Node(directory, inode, nextDataKb);
        nextDataKb += 1024; // room for a 1 MB file before the next one
        nodes.put(path, node);
        return node;
    }

    Node remove(String path) {
        Node node = lookup(path);
        nodes.remove(path);
        inodes.clear(node.inode);
        return node;
    }

    /** The directory block a name's entry lives in. */
    long directoryKb(String path) {
        return DIRECTORY_AREA_KB + lookup(parent(path)).inode;
    }

    /** The i-node of the directory a name's entry lives in. */
    long parentInodeKb(String path) {
        return lookup(parent(path)).inodeKb();
    }

    static int components(String path) {
        return path.split("/").length;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static void check(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("..")) {
            throw new UserError("the modelled file system takes relative paths without '..', not '" + path + "'");
        }
    }
}
