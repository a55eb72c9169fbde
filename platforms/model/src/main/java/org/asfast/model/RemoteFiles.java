package org.asfast.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.asfast.model.Namespace.Node;

/**
 * Files on a server, as NFS and AFS reach them in Tables 7–10 (§10, §11); Sprite's remote configuration is Sprite's own
 * file system, mounted as a {@link RemoteFileSystem}:
 * <ul>
 * <li><b>NFS</b>: names are cached after the first lookup, but every open checks the file's
 *     attributes with the server; data is written through on close, one block per call, and the
 *     server forces each block, the file's i-node and any indirect block to disk before replying;
 *     programs are on the server too, and each exec pages their text in over the network;</li>
 * <li><b>AFS</b>: the client's cache manager answers opens of cached files (callbacks); modified
 *     files go back to the server whole on close.</li>
 * </ul>
 */
final class RemoteFiles implements FileService {
    private static final long SMALL_MESSAGE = 128;
    private static final double ATTRIBUTE_CACHE_NS = 3e9;

    enum Protocol { NFS, AFS }

    private final Protocol protocol;
    private final Hardware client;
    private final LocalDisk clientCache;
    private final LocalDisk server;
    private final Network net;
    private final double cacheManagerInstructions;
    private final long execReadBytes;
    private final boolean serverCommitsDirectory;
    private final boolean invalidateOnClose;
    private final Set<Node> stale = new HashSet<>();
    private final Set<String> cachedNames = new HashSet<>();
    private final Map<Node, Double> attributesFetched = new HashMap<>();

    RemoteFiles(Protocol protocol, LocalDisk clientCache, LocalDisk server, Network net, ModelSpec spec) {
        this.protocol = protocol;
        this.client = clientCache.hw;
        this.clientCache = clientCache;
        this.server = server;
        this.net = net;
        cacheManagerInstructions = spec.number("cache_manager_instructions");
        execReadBytes = (long) (spec.number("nfs_exec_read_kb") * 1024);
        serverCommitsDirectory = spec.flag("nfs_server_commits_directory");
        invalidateOnClose = spec.flag("nfs_invalidate_on_close");
    }

    @Override
    public void open(String path, Node node) {
        client.syscall(clientCache.lookups(path));
        switch (protocol) {
            case NFS -> {
                lookupUncachedNames(path);
                getAttributes(node);
            }
            case AFS -> askCacheManager();
        }
    }

    @Override
    public void create(String path, Node node) {
        client.syscall(clientCache.lookups(path));
        if (protocol == Protocol.AFS) {
            askCacheManager();
        }
        if (protocol == Protocol.NFS) {
            // open(O_CREAT) looks the name up first; the server answers that it does not exist
            ask(server.lookups(path));
        }
        call(SMALL_MESSAGE, SMALL_MESSAGE, () -> {
            server.create(path, node);
            if (protocol == Protocol.NFS && serverCommitsDirectory) {
                server.commitDirectory(path);
            }
        });
        cachedNames.add(path);
        attributesFetched.put(node, client.clock.now());
    }

    @Override
    public void write(String path, Node node, long offset, long bytes) {
        client.syscall(0);
        client.copy(bytes, client.fitsInCache(bytes), false); // into the client's cache
    }

    @Override
    public void read(String path, Node node, long offset, long bytes) {
        client.syscall(0);
        if (stale.contains(node) && bytes > 0) {
            // The cached copy was dropped when the file changed on the server: read it back over the network.
            readFromServerCache(bytes);
        }
        client.copy(bytes, false, client.fitsInCache(bytes)); // the client's cache holds what was written or read
    }

    @Override
    public void close(String path, Node node, boolean written) {
        client.syscall(0);
        switch (protocol) {
            case NFS -> {
                if (written) {
                    writeThrough(node);
                    if (invalidateOnClose) {
                        stale.add(node);
                    }
                }
            }
            case AFS -> {
                askCacheManager();
                if (written) {
                    storeWholeFile(node);
                }
            }
        }
    }

    @Override
    public void unlink(String path, Node node) {
        client.syscall(clientCache.lookups(path));
        if (protocol == Protocol.AFS) {
            askCacheManager();
        }
        call(SMALL_MESSAGE, SMALL_MESSAGE, () -> {
            server.unlink(path, node);
            if (protocol == Protocol.NFS && serverCommitsDirectory) {
                server.commitDirectory(path);
            }
        });
        cachedNames.remove(path);
        attributesFetched.remove(node);
        stale.remove(node);
    }

    @Override
    public void stat(String path, Node node) {
        client.syscall(clientCache.lookups(path));
        switch (protocol) {
            case NFS -> {
                Double fetched = attributesFetched.get(node);
                if (fetched == null || client.clock.now() - fetched > ATTRIBUTE_CACHE_NS) {
                    getAttributes(node);
                }
            }
            case AFS -> askCacheManager();
        }
    }

    @Override
    public void mkdir(String path, Node node) {
        client.syscall(clientCache.lookups(path));
        call(SMALL_MESSAGE, SMALL_MESSAGE, () -> server.mkdir(path, node));
        cachedNames.add(path);
    }

    @Override
    public void exec() {
        switch (protocol) {
            case NFS -> {
                // The program's file lives on the server too: check it, then page its text in over the network.
                ask(0);
                readFromServerCache(execReadBytes);
            }
            case AFS -> askCacheManager();
        }
        clientCache.exec();
    }

    private void lookupUncachedNames(String path) {
        String prefix = "";
        for (String part : path.split("/")) {
            prefix = prefix.isEmpty() ? part : prefix + "/" + part;
            if (cachedNames.add(prefix)) {
                ask(server.lookups(prefix));
            }
        }
    }

    /** A remote procedure call to the server; the client waits for the reply. */
    private void call(long requestBytes, long replyBytes, Runnable serverWork) {
        net.call(client, server.hw, requestBytes, replyBytes, serverWork);
    }

    /** A small request and reply, for which the server does this much kernel work beyond the call itself. */
    private void ask(double serverInstructions) {
        call(SMALL_MESSAGE, SMALL_MESSAGE, () -> server.hw.kernel(serverInstructions));
    }

    private void getAttributes(Node node) {
        ask(0);
        attributesFetched.put(node, client.clock.now());
    }

    /** NFS reads from the server's cache, a block per call (at most 8 KB per read, RFC 1094's NFS_MAXDATA). */
    private void readFromServerCache(long bytes) {
        for (long done = 0; done < bytes; done += Namespace.BLOCK) {
            call(SMALL_MESSAGE, Math.min(Namespace.BLOCK, bytes - done), () -> server.hw.kernel(0));
        }
    }

    /** NFS: one call per block; the server forces data, i-node and any indirect block to disk. */
    private void writeThrough(Node node) {
        for (long b = 0; b * Namespace.BLOCK < node.size; b++) {
            long block = b;
            long bytes = Math.min(Namespace.BLOCK, node.size - b * Namespace.BLOCK);
            call(bytes, SMALL_MESSAGE, () -> {
                server.hw.disk.syncWrite(node.blockKb(block), bytes);
                server.writeInode(node);
                if (block >= Namespace.DIRECT_BLOCKS) {
                    server.writeIndirect(node);
                }
            });
        }
    }

    /** AFS: the whole file goes back on close; the server writes it and its i-node. */
    private void storeWholeFile(Node node) {
        call(Math.max(SMALL_MESSAGE, node.size), SMALL_MESSAGE, () -> {
            for (long b = 0; b * Namespace.BLOCK < node.size; b++) {
                server.hw.disk.asyncWrite(node.blockKb(b), Math.min(Namespace.BLOCK, node.size - b * Namespace.BLOCK));
            }
            server.writeInode(node);
        });
    }

    /** AFS's cache manager checks that the cached copy still holds a callback: kernel work, no server call. */
    private void askCacheManager() {
        client.kernel(cacheManagerInstructions);
    }
}
