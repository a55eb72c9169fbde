package org.asfast.v;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asfast.nodes.Faults;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Ipc;
import org.asfast.spi.KernelEntry;
import org.asfast.spi.Platform;
import org.asfast.spi.Uio;

/**
 * V on two modelled hosts of one machine, simulated: the null kernel call (getpid), message transactions
 * with a segment to a local or remote server (Ipc) and UIO block and byte reads from a file server (Uio).
 * Kernel pipes and UNIX processes are not V's: those capabilities are missing, so cswitch is "n/a".
 */
public final class VPlatform implements Platform, KernelEntry, Ipc, Uio {
    private final String name;
    private final VSimulation v;
    private final Map<Uio.Where, Integer> fileServers = new HashMap<>();
    private final Clock clock = new Clock() {
        @Override
        public long nanos() {
            return Math.round(v.now());
        }

        @Override
        public boolean isVirtual() {
            return true;
        }
    };

    public VPlatform(String name, VParameters parameters, Faults faults) {
        this.name = name;
        this.v = new VSimulation(parameters, faults);
    }

    /** The simulation behind this platform, for tests and counters. */
    public VSimulation simulation() {
        return v;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        if (capability == KernelEntry.class || capability == Ipc.class || capability == Uio.class) {
            return capability.cast(this);
        }
        throw new CapabilityMissing(name, capability);
    }

    @Override
    public void close() {
        // nothing outside the JVM: the simulation is garbage once unreferenced
    }

    // ---- KernelEntry ----

    @Override
    public long nullCall() {
        return v.call(done -> done.accept((long) v.clientKernel().getPid(v.clientPid())));
    }

    // ---- Ipc ----

    record Process(int pid, SegmentServer server) implements Ipc.Server {
    }

    @Override
    public Ipc.Server server(Ipc.Where where) {
        SegmentServer server = new SegmentServer();
        return new Process(v.spawn(server, where == Ipc.Where.REMOTE), server);
    }

    /** Transactions {@code server} executed so far (each once, whatever the network did). */
    public long executions(Ipc.Server server) {
        if (!(server instanceof Process p)) {
            throw new IllegalArgumentException("not a server of " + name);
        }
        return p.server().executions();
    }

    /** Packets either host's kernel sent again so far. */
    public long retransmissions() {
        return v.clientKernel().retransmissions() + v.serverKernel().retransmissions();
    }

    @Override
    public int send(Ipc.Server server, Transfer transfer, int bytes) {
        if (!(server instanceof Process p)) {
            throw new IllegalArgumentException("not a server of " + name);
        }
        byte[] segment = transfer == Transfer.MOVE_FROM ? new byte[bytes] : new byte[0];
        int buffer = transfer == Transfer.MOVE_TO ? bytes : 0;
        VKernel.Reply reply = v.call(done -> v.clientKernel().send(v.clientPid(), p.pid, SegmentServer.request(transfer, bytes),
                new byte[0], segment, buffer, done::accept));
        if (reply.failed()) {
            throw new ServerUnreachable(reply.error());
        }
        return switch (transfer) {
            case REPLY_SEGMENT -> reply.segment().length;
            case MOVE_TO -> reply.buffer().length;
            case MOVE_FROM -> ByteBuffer.wrap(reply.message(), 8, 4).getInt();
        };
    }

    // ---- processes ----

    private ProcessServer processServer;
    private int processServerPid;

    /**
     * Milliseconds to create and then destroy a process in the client's team, as Cheriton times it: the run-time
     * library allocates a fixed-size stack in the existing address space, a Send to the kernel process server
     * creates the process descriptor, a second Send deletes it, and the library frees the stack. The first round is
     * a warm-up.
     */
    public double createAndDestroyProcess() {
        if (processServer == null) {
            processServer = new ProcessServer();
            processServerPid = v.spawnInKernel(processServer);
        }
        double start = 0;
        for (int round = 0; round < 2; round++) {
            start = v.now();
            int created = processRequest(ProcessServer.CREATE, 0, "stack_allocation_instructions");
            int destroyed = processRequest(ProcessServer.DESTROY, created, "stack_release_instructions");
            if (destroyed != created) {
                throw new IllegalStateException("the process server destroyed " + destroyed + ", not the process it created, " + created);
            }
        }
        return (v.now() - start) / 1e6;
    }

    /** Process descriptors the kernel process server holds (0 once every created process is destroyed). */
    public int processDescriptors() {
        return processServer == null ? 0 : processServer.descriptors();
    }

    /** The library's stack work ({@code libraryWork}, a parameter) and one Send to the kernel process server; the process the reply names. */
    private int processRequest(int op, int pid, String libraryWork) {
        VKernel.Reply reply = v.call(done -> {
            v.clientKernel().userWork(v.parameters().number(libraryWork));
            v.clientKernel().send(v.clientPid(), processServerPid, ProcessServer.message(op, pid), new byte[0], new byte[0], 0, done::accept);
        });
        if (reply.failed()) {
            throw new ServerUnreachable(reply.error());
        }
        return ProcessServer.pidIn(reply.message());
    }

    // ---- the pipe server ----

    /**
     * Milliseconds for 1 KB to pass through a pipe on this host from a writer process to a reader process (a pipe
     * connects two processes: "the sex matching that allows two clients to connect"): the reader's read waits on
     * the empty pipe, the writer's write fills it, and both run again. The pipe is V's pipe server process, or
     * ({@code inKernel}) the same server invoked as a procedure inside the kernel, as a kernel pipe would be.
     * The first round is a warm-up.
     */
    public double pipeRoundMillis(boolean inKernel) {
        PipeServer pipe = new PipeServer(4096);
        int pid = inKernel ? v.spawnInKernel(pipe) : v.spawn(pipe, false);
        int reader = v.newProcess();
        double start = 0;
        for (int round = 0; round < 2; round++) {
            start = v.now();
            List<VKernel.Reply> replies = v.callAll(List.<java.util.function.Consumer<java.util.function.Consumer<VKernel.Reply>>>of(
                    done -> {
                        UioStream.libraryWork(v.clientKernel());
                        v.clientKernel().send(reader, pid, PipeServer.message(PipeServer.READ, 1024), new byte[0], new byte[0], 0, done::accept);
                    },
                    done -> {
                        UioStream.libraryWork(v.clientKernel());
                        v.clientKernel().send(v.clientPid(), pid, PipeServer.message(PipeServer.WRITE, 1024), new byte[1024], new byte[0], 0, done::accept);
                    }));
            VKernel.Reply read = replies.get(0);
            VKernel.Reply wrote = replies.get(1);
            if (wrote.failed() || read.failed() || read.segment().length != 1024) {
                throw new IllegalStateException("the pipe lost data: wrote " + wrote + ", read " + read);
            }
        }
        return (v.now() - start) / 1e6;
    }

    // ---- Uio ----

    private record OpenFile(UioStream stream, int blockBytes) implements Uio.File {
    }

    @Override
    public Uio.File open(Uio.Where where, long fileBytes) {
        boolean remote = where != Uio.Where.LOCAL_SERVER;
        int fileServer = fileServers.computeIfAbsent(remote ? Uio.Where.REMOTE_SERVER : Uio.Where.LOCAL_SERVER,
                w -> v.spawn(new FileServer(), w == Uio.Where.REMOTE_SERVER));
        VKernel.Reply opened = v.call(done -> v.clientKernel().send(v.clientPid(), fileServer,
                FileServer.message(FileServer.OPEN, fileBytes, 1), new byte[0], new byte[0], 0, done::accept));
        if (opened.failed()) {
            throw new ServerUnreachable(opened.error());
        }
        long file = ByteBuffer.wrap(opened.message(), 4, 8).getLong();
        int server = switch (where) {
            case LOCAL_SERVER, REMOTE_SERVER -> fileServer;
            case PAGE_CACHE -> v.spawnInKernel(new MemoryServer(fileServer, true));
            case PAGE_CACHE_MISS -> v.spawnInKernel(new MemoryServer(fileServer, false));
        };
        OpenFile open = new OpenFile(new UioStream(v.clientKernel(), v.clientPid(), server, file), (int) v.parameters().number("uio_block_bytes"));
        if (where == Uio.Where.PAGE_CACHE) {
            for (long block = 0; block * open.blockBytes < fileBytes; block++) {
                readBlock(open, block); // the page frame cache now holds every block
            }
        }
        return open;
    }

    @Override
    public int readBlock(Uio.File file, long blockIndex) {
        UioStream stream = stream(file);
        int n = v.call(done -> stream.readBlock(blockIndex, done::accept));
        if (n < 0) {
            throw new ServerUnreachable(stream.error());
        }
        return n;
    }

    @Override
    public int getbyte(Uio.File file) {
        UioStream stream = stream(file);
        int b = v.call(done -> stream.getbyte(done::accept));
        if (b < 0 && stream.error() != null) {
            throw new ServerUnreachable(stream.error());
        }
        return b;
    }

    @Override
    public void close(Uio.File file) {
        stream(file); // V's file server keeps no per-reader state beyond the file itself
    }

    private UioStream stream(Uio.File file) {
        if (!(file instanceof OpenFile open)) {
            throw new IllegalArgumentException("not a file opened on " + name);
        }
        return open.stream;
    }
}
