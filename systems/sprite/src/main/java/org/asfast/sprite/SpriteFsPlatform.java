package org.asfast.sprite;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.asfast.nodes.NodeContext;
import org.asfast.spi.CacheSizes;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Compiler;
import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;
import org.asfast.spi.Processes;
import org.asfast.spi.UserError;
import org.asfast.systems.LivePrograms;
import org.asfast.systems.Outcome;
import org.asfast.systems.SimulatedPrograms;
import org.asfast.systems.SystemParameters;

/**
 * Sprite's file system as a platform: a workload's file calls are kernel calls of a {@link SpriteFsClient} whose
 * files live on a {@link SpriteFileServer}, with client caching on ("Sprite CACHE") or off ("Sprite NOCACHE"),
 * as Douglis et al.'s Table 2 measures them. Paths are the server's names; the workload's buffers are memory of
 * this JVM, copied at the client machine's memory speed. Simulated and live differ only in how a call is waited for.
 */
public abstract class SpriteFsPlatform implements Platform, Memory {
    private final String name;
    private final Arena arena = Arena.ofShared();

    protected SpriteFsPlatform(String name) {
        this.name = name;
    }

    /** Starts {@code operation} on {@code client}'s kernel and waits until it gives its result (or fails in one line). */
    protected abstract <T> T await(SpriteFsClient client, String what, BiConsumer<SpriteFsClient, SpriteFsClient.Done<T>> operation);

    /** The client the platform's workloads run on. */
    abstract SpriteFsClient client();

    /** The system's parameters where the client machine is modelled (simulated), for its programs; null live. */
    protected SystemParameters modelled() {
        return null;
    }

    /** The model's platform whose programs' figures (cp, the compiler) are Sprite's on the same Sun 3/60. */
    static final String PROGRAMS_LIKE = "sun3-60-sprite-local";
    /** cp and the compiler: simulated on the modelled client, or this JVM's live ({@link LivePrograms}). */
    private Capability programs;

    /** The file calls of the platform's client. */
    private final Files files = new ClientFiles(null);

    /** The file calls of {@code client} (another machine's, in a test), or of the platform's client for null. */
    Files files(SpriteFsClient client) {
        return new ClientFiles(client);
    }

    private <T> T await(String what, BiConsumer<SpriteFsClient, SpriteFsClient.Done<T>> operation) {
        return await(client(), what, operation);
    }

    /** A result a kernel call hands over, and the outcome the platform waits on. */
    protected static final class Result<T> implements SpriteFsClient.Done<T> {
        final Outcome outcome = new Outcome();
        private final java.util.function.LongSupplier clock;
        T value;

        Result(java.util.function.LongSupplier clock) {
            this.clock = clock;
        }

        @Override
        public void ok(T v) {
            value = v;
            outcome.succeed(clock.getAsLong());
        }

        @Override
        public void fail(String reason) {
            outcome.fail(reason);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        if (capability == Files.class) {
            return capability.cast(files);
        }
        if (capability == Memory.class) {
            return capability.cast(this);
        }
        if (capability == Processes.class || capability == Compiler.class) {
            if (programs == null) {
                Consumer<Consumer<NodeContext>> cpu = work -> await("a program", (SpriteFsClient c, SpriteFsClient.Done<Void> r) -> c.charge(work, r));
                programs = modelled() == null ? new LivePrograms(name, files)
                        : new SimulatedPrograms(name, files, cpu, modelled().withModel(PROGRAMS_LIKE, SimulatedPrograms.MODEL_FIGURES));
            }
            return capability.cast(programs);
        }
        throw new CapabilityMissing(name, capability);
    }

    /** Files on the server, through one client's kernel calls. */
    private final class ClientFiles implements Files {
        private final SpriteFsClient fixed;

        ClientFiles(SpriteFsClient fixed) {
            this.fixed = fixed;
        }

        /** The machine the calls go to: a fixed one, or the platform's client now (it changes when it restarts). */
        private SpriteFsClient machine() {
            return fixed != null ? fixed : client();
        }

        @Override
        public int openForReading(String path) {
            String file = checked(path);
            return await(machine(), "open " + file, (c, r) -> c.open(file, SpriteFs.READING, r));
        }

        @Override
        public int create(String path) {
            String file = checked(path);
            return await(machine(), "create " + file, (c, r) -> c.open(file, SpriteFs.WRITING | SpriteFs.CREATING, r));
        }

        @Override
        public long read(int fd, MemorySegment buffer, long bytes) {
            int n = (int) Math.min(bytes, Integer.MAX_VALUE - 8);
            byte[] data = await(machine(), "read", (c, r) -> c.read(fd, n, r));
            MemorySegment.copy(data, 0, buffer, ValueLayout.JAVA_BYTE, 0, data.length);
            return data.length;
        }

        @Override
        public long write(int fd, MemorySegment buffer, long bytes) {
            byte[] data = buffer.asSlice(0, bytes).toArray(ValueLayout.JAVA_BYTE);
            return SpriteFsPlatform.this.<Integer>await(machine(), "write", (c, r) -> c.write(fd, data, r));
        }

        @Override
        public void rewind(int fd) {
            await(machine(), "rewind", (SpriteFsClient c, SpriteFsClient.Done<Void> r) -> c.rewind(fd, r));
        }

        @Override
        public void close(int fd) {
            await(machine(), "close", (SpriteFsClient c, SpriteFsClient.Done<Void> r) -> c.close(fd, r));
        }

        @Override
        public void unlink(String path) {
            String file = checked(path);
            await(machine(), "remove " + file, (SpriteFsClient c, SpriteFsClient.Done<Void> r) -> c.remove(file, r));
        }

        @Override
        public long stat(String path) {
            String file = checked(path);
            return SpriteFsPlatform.this.<Long>await(machine(), "stat " + file, (c, r) -> c.stat(file, r));
        }

        @Override
        public void mkdir(String path) {
            String file = checked(path);
            await(machine(), "mkdir " + file, (SpriteFsClient c, SpriteFsClient.Done<Void> r) -> c.mkdir(file, r));
        }

        @Override
        public void requireFreeSpace(long bytes, String purpose) {
            long free = SpriteFsPlatform.this.<Long>await(machine(), "free space", SpriteFsClient::free);
            if (free < bytes) {
                throw new UserError(String.format(java.util.Locale.ROOT, "the Sprite file server's disk of %s has %d bytes free, and %s needs %d: "
                        + "give it more room (sprite_disk_mb) or a smaller file", name, free, purpose, bytes));
            }
        }
    }

    @Override
    public MemorySegment allocate(long bytes, long alignment) {
        return arena.allocate(bytes, alignment);
    }

    @Override
    public void copy(MemorySegment source, MemorySegment destination, long bytes) {
        MemorySegment.copy(source, 0, destination, 0, bytes);
        await("copy", (SpriteFsClient c, SpriteFsClient.Done<Void> r) -> c.copy(bytes, r));
    }

    @Override
    public CacheSizes caches() {
        return new CacheSizes(64 << 10, 64 << 10); // the Sun 3/60 has no memory cache; the model's figure for the era decides only file sizes
    }

    /** A path as the server names it: relative, '/'-separated, without '.', '..' or empty parts, and short enough for an i-node. */
    private static String checked(String path) {
        boolean plain = !path.isEmpty() && !path.startsWith("/") && !path.endsWith("/");
        for (String part : path.split("/", -1)) {
            plain &= !part.isEmpty() && !part.equals(".") && !part.equals("..");
        }
        if (!plain || path.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > SpriteFileServer.MAX_PATH) {
            throw new UserError("the Sprite file server refuses the name '" + path + "': give a relative path of plain parts, at most "
                    + SpriteFileServer.MAX_PATH + " bytes");
        }
        return path;
    }

    @Override
    public void close() {
        arena.close();
    }
}
