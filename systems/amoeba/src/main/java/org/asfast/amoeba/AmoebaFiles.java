package org.asfast.amoeba;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.asfast.spi.CacheSizes;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.UserError;

/**
 * A process's files on Amoeba, as its library makes them of Bullet and directory transactions; nothing is cached
 * on the client (§3.3: "clients do not cache files, and each read must result in a network transfer"). A file
 * written is kept in the process's memory until it is closed, then created and committed on the Bullet server in
 * transactions of at most {@code bullet_transfer_bytes} (b_create's buffer), the last one committing it; a read
 * asks the Bullet server for the bytes wanted, a transaction per buffer. In the {@link Configuration#BULLET_DIR}
 * configuration names are the directory server's (an open is a lookup there; a closed new file is entered, an
 * unlink removes the entry, both replicated); in {@link Configuration#BULLET} the process keeps its files'
 * capabilities itself, as §3.3 says applications do for temporary files.
 */
final class AmoebaFiles implements Files, Memory {

    /** Douglis et al.'s Table 2 configurations of Amoeba's file service. */
    enum Configuration {
        BULLET("BULLET"),
        BULLET_DIR("BULLET/DIR");

        final String label;

        Configuration(String label) {
            this.label = label;
        }

        /** The configuration a user names: BULLET or BULLET/DIR; anything else is a one-line {@link UserError}. */
        static Configuration parse(String label) {
            for (Configuration c : values()) {
                if (c.label.equalsIgnoreCase(label)) {
                    return c;
                }
            }
            throw new UserError("unknown Amoeba file configuration '" + label + "': use BULLET (the Bullet server alone) or BULLET/DIR (with the replicated directory server)");
        }
    }

    /** The transactions of the caller's kernel with the two servers. */
    interface Servers {
        byte[] bullet(byte[] request);

        byte[] directory(byte[] request);
    }

    private record Capability(int number, long check) {
    }

    private static final class Open {
        final String path;
        final ByteArrayOutputStream written; // null when open for reading
        final Capability capability;
        long offset;

        Open(String path, ByteArrayOutputStream written, Capability capability) {
            this.path = path;
            this.written = written;
            this.capability = capability;
        }
    }

    private final String platform;
    private final Configuration configuration;
    private final Servers servers;
    private final int transferBytes;
    private final Arena arena = Arena.ofShared();
    private final Map<Integer, Open> open = new HashMap<>();
    private int nextFd = 3;
    /** BULLET: the process's own capabilities and directory names. */
    private final Map<String, Capability> own = new HashMap<>();
    private final Set<String> ownDirectories = new HashSet<>();

    AmoebaFiles(String platform, Configuration configuration, Servers servers, int transferBytes) {
        this.platform = platform;
        this.configuration = configuration;
        this.servers = servers;
        this.transferBytes = transferBytes;
    }

    private static String checked(String path) {
        if (path.isEmpty() || path.startsWith("/") || java.util.List.of(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("a path must be relative, without '..': " + path);
        }
        return path;
    }

    @Override
    public int openForReading(String path) {
        Capability capability = capabilityOf(checked(path));
        open.put(nextFd, new Open(path, null, capability));
        return nextFd++;
    }

    @Override
    public int create(String path) {
        open.put(nextFd, new Open(checked(path), new ByteArrayOutputStream(), null));
        return nextFd++;
    }

    @Override
    public long read(int fd, MemorySegment buffer, long bytes) {
        Open o = descriptor(fd);
        if (o.written != null) {
            throw new IllegalArgumentException("descriptor " + fd + " is open for writing");
        }
        long done = 0;
        while (done < bytes) {
            int want = (int) Math.min(transferBytes, bytes - done);
            byte[] reply = bullet(ByteBuffer.allocate(25).put(BulletServer.READ).putInt(o.capability.number).putLong(o.capability.check)
                    .putLong(o.offset).putInt(want).array(), o.path);
            int got = reply.length - 1;
            MemorySegment.copy(reply, 1, buffer, ValueLayout.JAVA_BYTE, done, got);
            done += got;
            o.offset += got;
            if (got < want) {
                break; // the end of the file
            }
        }
        return done;
    }

    @Override
    public long write(int fd, MemorySegment buffer, long bytes) {
        Open o = descriptor(fd);
        if (o.written == null) {
            throw new IllegalArgumentException("descriptor " + fd + " is open for reading; Bullet files are immutable");
        }
        o.written.writeBytes(buffer.asSlice(0, bytes).toArray(ValueLayout.JAVA_BYTE));
        return bytes;
    }

    @Override
    public void rewind(int fd) {
        descriptor(fd).offset = 0;
    }

    @Override
    public void close(int fd) {
        Open o = open.remove(fd);
        if (o == null) {
            throw new IllegalArgumentException("descriptor " + fd + " is not open");
        }
        if (o.written != null) {
            commit(o.path, o.written.toByteArray());
        }
    }

    /** Creates the file on the Bullet server, committed (written through), then names it. */
    private void commit(String path, byte[] data) {
        Capability capability = null;
        int sent = 0;
        do {
            int n = Math.min(transferBytes, data.length - sent);
            boolean last = sent + n == data.length;
            ByteBuffer request = capability == null
                    ? ByteBuffer.allocate(2 + n).put(BulletServer.CREATE).put((byte) (last ? 1 : 0))
                    : ByteBuffer.allocate(14 + n).put(BulletServer.APPEND).putInt(capability.number).putLong(capability.check).put((byte) (last ? 1 : 0));
            request.put(data, sent, n);
            ByteBuffer reply = ByteBuffer.wrap(bullet(request.array(), path));
            reply.get();
            capability = new Capability(reply.getInt(), reply.getLong());
            sent += n;
        } while (sent < data.length);
        Capability old;
        if (configuration == Configuration.BULLET) {
            requireParent(path);
            old = own.put(path, capability);
        } else {
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            byte[] reply;
            try {
                reply = directory(ByteBuffer.allocate(13 + name.length).put(DirectoryServer.ENTER).putInt(capability.number).putLong(capability.check).put(name).array(), path);
            } catch (UserError e) {
                destroy(capability, path); // the file the directory would not name is not left behind
                throw e;
            }
            old = reply.length > 1 ? capability(reply) : null;
        }
        if (old != null) {
            destroy(old, path); // the file this one replaces under its name
        }
    }

    @Override
    public void unlink(String path) {
        Capability capability;
        if (configuration == Configuration.BULLET) {
            capability = own.remove(checked(path));
            if (capability == null) {
                throw new UserError("no file '" + path + "' on " + platform);
            }
        } else {
            byte[] name = checked(path).getBytes(StandardCharsets.UTF_8);
            capability = capability(directory(ByteBuffer.allocate(1 + name.length).put(DirectoryServer.REMOVE).put(name).array(), path));
        }
        destroy(capability, path);
    }

    @Override
    public long stat(String path) {
        Capability c = capabilityOf(checked(path));
        ByteBuffer reply = ByteBuffer.wrap(bullet(ByteBuffer.allocate(13).put(BulletServer.SIZE).putInt(c.number).putLong(c.check).array(), path));
        reply.get();
        return reply.getLong();
    }

    @Override
    public void mkdir(String path) {
        if (configuration == Configuration.BULLET) {
            requireParent(checked(path));
            if (own.containsKey(path) || !ownDirectories.add(path)) {
                throw new UserError("'" + path + "' exists already on " + platform);
            }
            return;
        }
        byte[] name = checked(path).getBytes(StandardCharsets.UTF_8);
        directory(ByteBuffer.allocate(1 + name.length).put(DirectoryServer.MKDIR).put(name).array(), path);
    }

    @Override
    public void requireFreeSpace(long bytes, String purpose) {
        ByteBuffer reply = ByteBuffer.wrap(bullet(new byte[] {BulletServer.FREE}, ""));
        reply.get();
        long free = reply.getLong();
        if (free < bytes) {
            throw new UserError(String.format(Locale.ROOT, "the Bullet store of %s has %d bytes free, and %s needs %d: give it more room (bullet_store_mb) or a smaller file",
                    platform, free, purpose, bytes));
        }
    }

    private void requireParent(String path) {
        int slash = path.lastIndexOf('/');
        if (slash > 0 && !ownDirectories.contains(path.substring(0, slash))) {
            throw new UserError("no directory '" + path.substring(0, slash) + "' on " + platform);
        }
    }

    private Capability capabilityOf(String path) {
        if (configuration == Configuration.BULLET) {
            Capability c = own.get(path);
            if (c == null) {
                throw new UserError("no file '" + path + "' on " + platform);
            }
            return c;
        }
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        byte[] reply = directory(ByteBuffer.allocate(1 + name.length).put(DirectoryServer.LOOKUP).put(name).array(), path);
        if (reply[1] != DirectoryServer.FILE) {
            throw new UserError("'" + path + "' is a directory on " + platform + ", not a file");
        }
        return capability(reply);
    }

    private static Capability capability(byte[] entryReply) {
        ByteBuffer b = ByteBuffer.wrap(entryReply, 2, 12);
        return new Capability(b.getInt(), b.getLong());
    }

    private void destroy(Capability c, String path) {
        bullet(ByteBuffer.allocate(13).put(BulletServer.DESTROY).putInt(c.number).putLong(c.check).array(), path);
    }

    private byte[] bullet(byte[] request, String path) {
        byte[] reply = servers.bullet(request);
        switch (reply[0]) {
            case BulletServer.OK -> {
                return reply;
            }
            case BulletServer.NO_SPACE -> throw new UserError("the Bullet store of " + platform + " is full: '" + path
                    + "' does not fit; give the store more room (bullet_store_mb, bullet_inodes) or remove files");
            case BulletServer.BAD_CAPABILITY -> throw new UserError("the Bullet server of " + platform + " has no file for the capability of '" + path + "' (destroyed, or never committed)");
            default -> throw new UserError("the Bullet server of " + platform + " refused a request for '" + path + "' as malformed");
        }
    }

    private byte[] directory(byte[] request, String path) {
        byte[] reply = servers.directory(request);
        String where = " on the directory server of " + platform;
        switch (reply[0]) {
            case DirectoryServer.OK -> {
                return reply;
            }
            case DirectoryServer.NOT_FOUND -> throw new UserError("no '" + path + "'" + where);
            case DirectoryServer.EXISTS -> throw new UserError("'" + path + "' exists already" + where);
            case DirectoryServer.BAD_NAME -> throw new UserError("the directory server of " + platform + " refuses the name '" + path
                    + "': each part must be 1 to " + DirectoryServer.NAME_MAX + " printable characters without spaces; rename it");
            case DirectoryServer.NOT_A_DIRECTORY -> throw new UserError("a part of '" + path + "' is a file, not a directory," + where);
            case DirectoryServer.IS_A_DIRECTORY -> throw new UserError("'" + path + "' is a directory" + where + "; a file cannot replace or be removed as it");
            default -> throw new UserError("the directory server of " + platform + " has no room for another directory (dir_max_directories)");
        }
    }

    private Open descriptor(int fd) {
        Open o = open.get(fd);
        if (o == null) {
            throw new IllegalArgumentException("descriptor " + fd + " is not open");
        }
        return o;
    }

    // ---- Memory: buffers only; a block copy on the platform is not what it models

    @Override
    public MemorySegment allocate(long bytes, long alignment) {
        return arena.allocate(bytes, alignment);
    }

    @Override
    public void copy(MemorySegment source, MemorySegment destination, long bytes) {
        throw new CapabilityMissing(platform, Memory.class);
    }

    /** The Sun 3/60 has no data cache; one byte stands for none, the least the SPI's sizes allow. */
    @Override
    public CacheSizes caches() {
        return new CacheSizes(1, 1);
    }

    void close() {
        arena.close();
    }
}
