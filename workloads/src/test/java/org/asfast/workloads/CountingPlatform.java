package org.asfast.workloads;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asfast.spi.CacheSizes;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Compiler;
import org.asfast.spi.Files;
import org.asfast.spi.KernelEntry;
import org.asfast.spi.Memory;
import org.asfast.spi.Pipes;
import org.asfast.spi.Platform;
import org.asfast.spi.Processes;
import org.asfast.spi.Program;
import org.asfast.spi.Select;

/**
 * A platform that does the work in memory and counts every call and byte, so a test can check
 * that a workload does exactly what the paper's paragraph says: pipes hold bytes, the echo child
 * sends back what it gets, files have sizes, and every descriptor opened is closed.
 */
final class CountingPlatform implements Platform, KernelEntry, Memory, Pipes, Select, Files, Processes, Compiler {
    final Map<String, Long> calls = new HashMap<>();
    final Map<String, Long> bytes = new HashMap<>();
    final Map<String, Long> fileSizes = new HashMap<>();
    final Set<String> directories = new HashSet<>();
    final List<String> spawned = new ArrayList<>();
    final List<List<String>> compiled = new ArrayList<>();
    final Set<Integer> openDescriptors = new HashSet<>();
    private final Map<Integer, ArrayDeque<Byte>> pipeBuffers = new HashMap<>();
    private final Map<Integer, Integer> pipeReadEndOf = new HashMap<>();
    private final Map<Integer, String> fileOf = new HashMap<>();
    private final Map<Integer, Long> offsets = new HashMap<>();
    private final Map<Integer, Integer> echoes = new HashMap<>(); // child stdin read end -> child stdout write end
    private final Arena arena = Arena.ofConfined();
    private final CacheSizes caches;
    private int nextFd = 3;

    CountingPlatform(CacheSizes caches) {
        this.caches = caches;
    }

    CountingPlatform() {
        this(new CacheSizes(1 << 20, 8 << 20));
    }

    long calls(String name) {
        return calls.getOrDefault(name, 0L);
    }

    long bytes(String name) {
        return bytes.getOrDefault(name, 0L);
    }

    private void count(String call, long n) {
        calls.merge(call, 1L, Long::sum);
        bytes.merge(call, n, Long::sum);
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        if (capability.isInstance(this)) {
            return capability.cast(this);
        }
        throw new CapabilityMissing(name(), capability);
    }

    @Override
    public void close() {
        arena.close();
    }

    @Override
    public long nullCall() {
        count("getpid", 0);
        return 42;
    }

    @Override
    public MemorySegment allocate(long n, long alignment) {
        return arena.allocate(n, alignment);
    }

    @Override
    public void copy(MemorySegment source, MemorySegment destination, long n) {
        count("bcopy", n);
        MemorySegment.copy(source, 0, destination, 0, n);
    }

    @Override
    public CacheSizes caches() {
        return caches;
    }

    @Override
    public Pipe open() {
        int read = nextFd++;
        int write = nextFd++;
        pipeBuffers.put(read, new ArrayDeque<>());
        pipeReadEndOf.put(write, read);
        openDescriptors.add(read);
        openDescriptors.add(write);
        count("pipe", 0);
        return new Pipe(read, write);
    }

    @Override
    public int read(int fd, MemorySegment buffer, int n) {
        return (int) read(fd, buffer, (long) n);
    }

    @Override
    public int write(int fd, MemorySegment buffer, int n) {
        return (int) write(fd, buffer, (long) n);
    }

    @Override
    public int readableNow(int[] fds) {
        count("select", fds.length);
        int ready = 0;
        for (int fd : fds) {
            if (!pipeBuffers.get(fd).isEmpty()) {
                ready++;
            }
        }
        return ready;
    }

    @Override
    public int openForReading(String path) {
        if (!fileSizes.containsKey(path)) {
            throw new IllegalStateException("no such file " + path);
        }
        return openFile(path, "open");
    }

    @Override
    public int create(String path) {
        fileSizes.put(path, 0L);
        return openFile(path, "create");
    }

    private int openFile(String path, String call) {
        int fd = nextFd++;
        fileOf.put(fd, path);
        offsets.put(fd, 0L);
        openDescriptors.add(fd);
        count(call, 0);
        return fd;
    }

    @Override
    public long read(int fd, MemorySegment buffer, long n) {
        if (pipeBuffers.containsKey(fd)) {
            ArrayDeque<Byte> queue = pipeBuffers.get(fd);
            long got = 0;
            while (got < n && !queue.isEmpty()) {
                buffer.set(java.lang.foreign.ValueLayout.JAVA_BYTE, got++, queue.poll());
            }
            count("read", got);
            return got;
        }
        String path = fileOf.get(fd);
        long offset = offsets.get(fd);
        long got = Math.max(0, Math.min(n, fileSizes.get(path) - offset));
        offsets.put(fd, offset + got);
        count("read", got);
        return got;
    }

    @Override
    public long write(int fd, MemorySegment buffer, long n) {
        Integer readEnd = pipeReadEndOf.get(fd);
        if (readEnd != null) {
            count("write", n);
            for (long i = 0; i < n; i++) {
                pipeBuffers.get(readEnd).add(buffer.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i));
            }
            Integer echoTo = echoes.get(readEnd);
            if (echoTo != null) { // the echo child copies its input to its output at once
                ArrayDeque<Byte> in = pipeBuffers.get(readEnd);
                ArrayDeque<Byte> out = pipeBuffers.get(pipeReadEndOf.get(echoTo));
                while (!in.isEmpty()) {
                    out.add(in.poll());
                }
            }
            return n;
        }
        String path = fileOf.get(fd);
        long offset = offsets.get(fd);
        fileSizes.put(path, Math.max(fileSizes.get(path), offset + n));
        offsets.put(fd, offset + n);
        count("write", n);
        return n;
    }

    @Override
    public void rewind(int fd) {
        offsets.put(fd, 0L);
        count("rewind", 0);
    }

    @Override
    public void close(int fd) {
        if (!openDescriptors.remove(fd)) {
            throw new IllegalStateException("closing descriptor " + fd + " twice or never opened");
        }
        count("close", 0);
    }

    @Override
    public void unlink(String path) {
        if (fileSizes.remove(path) == null) {
            throw new IllegalStateException("unlink of missing " + path);
        }
        count("unlink", 0);
    }

    @Override
    public long stat(String path) {
        count("stat", 0);
        return fileSizes.get(path);
    }

    @Override
    public void mkdir(String path) {
        if (!directories.add(path)) {
            throw new IllegalStateException("mkdir of existing " + path);
        }
        count("mkdir", 0);
    }

    @Override
    public void requireFreeSpace(long n, String purpose) {
        count("requireFreeSpace", n);
    }

    @Override
    public Child spawn(Program program, int stdinFd, int stdoutFd, Placement placement) {
        count("spawn", 0);
        switch (program) {
            case Program.Echo echo -> {
                spawned.add("echo " + placement);
                echoes.put(stdinFd, stdoutFd);
            }
            case Program.CopyFile copy -> {
                spawned.add("cp " + copy.from() + " " + copy.to());
                fileSizes.put(copy.to(), fileSizes.get(copy.from()));
                count("cp", fileSizes.get(copy.from()));
            }
        }
        return new Child() {
            @Override
            public int waitFor() {
                return 0;
            }

            @Override
            public void close() {
                count("reap", 0);
            }
        };
    }

    @Override
    public void compile(List<String> sources, String outputDir) {
        count("compile", sources.size());
        compiled.add(List.copyOf(sources));
    }
}
