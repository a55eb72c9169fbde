package org.asfast.v;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;
import org.asfast.live.Launcher;
import org.asfast.live.LiveNode;
import org.asfast.live.LocalProcessPlacement;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Ipc;
import org.asfast.spi.Platform;
import org.asfast.spi.Uio;

/**
 * V live on this computer ({@code v-live}): the same kernel and servers as the simulation, the server host
 * in a JVM of its own, the client's kernel in this JVM on the calling thread's loop, VMTP over UDP on
 * loopback. Time is the wall clock. Local servers run in the client's kernel. V's null kernel operation is
 * a method call here, not a kernel entry, so KernelEntry is missing ("n/a").
 */
public final class VLivePlatform implements Platform, Ipc, Uio {
    private static final int SERVER_HOST = 0;
    private final Launcher launcher;
    private final LiveNode clientNode;
    private final VKernel client = new VKernel();
    private final int clientPid;
    private final Duration callTimeout;

    public VLivePlatform(String faults) {
        launcher = new Launcher(new LocalProcessPlacement(), Launcher.Settings.of(VLiveSystem.liveParameters(), faults));
        try {
            launcher.add(VServerHost.class.getName());
            clientNode = launcher.addLocal(client);
            launcher.start();
        } catch (RuntimeException e) {
            launcher.close();
            throw e;
        }
        double timeoutMs = VLiveSystem.liveParameters().get("vmtp_timeout_ms");
        callTimeout = Duration.ofMillis(Math.round((VLiveSystem.liveParameters().get("vmtp_retries") + 3) * timeoutMs) + 1000);
        clientPid = call(done -> done.accept(client.newClient()));
    }

    /** The launcher, for crashing the server host in tests. */
    public Launcher launcher() {
        return launcher;
    }

    public VKernel clientKernel() {
        return client;
    }

    @Override
    public String name() {
        return "v-live";
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        if (capability == Ipc.class || capability == Uio.class) {
            return capability.cast(this);
        }
        throw new CapabilityMissing(name(), capability);
    }

    @Override
    public void close() {
        try {
            clientNode.close();
        } finally {
            launcher.close();
        }
    }

    /** Runs {@code action} on the client kernel's loop (this thread) until it hands over its result. */
    <T> T call(Consumer<Consumer<T>> action) {
        Object[] result = new Object[1];
        boolean[] done = new boolean[1];
        clientNode.post(() -> action.accept(value -> {
            result[0] = value;
            done[0] = true;
        }));
        if (!clientNode.runUntil(() -> done[0], callTimeout)) {
            throw new ServerUnreachable("a V call on " + name() + " did not complete within " + callTimeout.toMillis() + " ms");
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    // ---- Ipc ----

    private record Server(int pid) implements Ipc.Server {
    }

    @Override
    public Ipc.Server server(Ipc.Where where) {
        return where == Ipc.Where.REMOTE ? new Server(VServerHost.pid(SERVER_HOST, VServerHost.SEGMENT))
                : new Server(call(done -> done.accept(client.spawn(new SegmentServer()))));
    }

    @Override
    public int send(Ipc.Server server, Transfer transfer, int bytes) {
        int pid = ((Server) server).pid;
        byte[] segment = transfer == Transfer.MOVE_FROM ? new byte[bytes] : new byte[0];
        int buffer = transfer == Transfer.MOVE_TO ? bytes : 0;
        VKernel.Reply reply = call(done -> client.send(clientPid, pid, SegmentServer.request(transfer, bytes), new byte[0], segment, buffer, done::accept));
        if (reply.failed()) {
            throw new ServerUnreachable(reply.error());
        }
        return switch (transfer) {
            case REPLY_SEGMENT -> reply.segment().length;
            case MOVE_TO -> reply.buffer().length;
            case MOVE_FROM -> ByteBuffer.wrap(reply.message(), 8, 4).getInt();
        };
    }

    /** Requests the server has executed, this one included: one more bare transaction, whose reply says. */
    public long executions(Ipc.Server server) {
        int pid = ((Server) server).pid;
        VKernel.Reply reply = call(done -> client.send(clientPid, pid, SegmentServer.request(Transfer.REPLY_SEGMENT, 0), new byte[0], new byte[0], 0, done::accept));
        if (reply.failed()) {
            throw new ServerUnreachable(reply.error());
        }
        return SegmentServer.executionsIn(reply.message());
    }

    // ---- Uio ----

    private record OpenFile(UioStream stream, int blockBytes) implements Uio.File {
    }

    @Override
    public Uio.File open(Uio.Where where, long fileBytes) {
        int fileServer = where == Uio.Where.LOCAL_SERVER ? call(done -> done.accept(client.spawn(new FileServer())))
                : VServerHost.pid(SERVER_HOST, VServerHost.FILES);
        VKernel.Reply opened = call(done -> client.send(clientPid, fileServer, FileServer.message(FileServer.OPEN, fileBytes, 1),
                new byte[0], new byte[0], 0, done::accept));
        if (opened.failed()) {
            throw new ServerUnreachable(opened.error());
        }
        long file = ByteBuffer.wrap(opened.message(), 4, 8).getLong();
        int server = switch (where) {
            case LOCAL_SERVER, REMOTE_SERVER -> fileServer;
            case PAGE_CACHE, PAGE_CACHE_MISS -> call(done -> done.accept(client.spawnInKernel(new MemoryServer(fileServer, where == Uio.Where.PAGE_CACHE))));
        };
        OpenFile open = new OpenFile(new UioStream(client, clientPid, server, file), 1024);
        if (where == Uio.Where.PAGE_CACHE) {
            for (long block = 0; block * open.blockBytes < fileBytes; block++) {
                readBlock(open, block);
            }
        }
        return open;
    }

    @Override
    public int readBlock(Uio.File file, long blockIndex) {
        UioStream stream = ((OpenFile) file).stream;
        int n = call(done -> stream.readBlock(blockIndex, done::accept));
        if (n < 0) {
            throw new ServerUnreachable(stream.error());
        }
        return n;
    }

    @Override
    public int getbyte(Uio.File file) {
        UioStream stream = ((OpenFile) file).stream;
        int b = call(done -> stream.getbyte(done::accept));
        if (b < 0 && stream.error() != null) {
            throw new ServerUnreachable(stream.error());
        }
        return b;
    }

    @Override
    public void close(Uio.File file) {
        // the file server keeps no per-reader state beyond the file itself
    }
}
