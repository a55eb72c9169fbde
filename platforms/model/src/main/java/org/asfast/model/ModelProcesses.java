package org.asfast.model;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import org.asfast.spi.Files;
import org.asfast.spi.KernelEntry;
import org.asfast.spi.Pipes;
import org.asfast.spi.Processes;
import org.asfast.spi.Program;
import org.asfast.spi.Select;

/**
 * Kernel calls, pipes, select and processes on a modelled uniprocessor. A modelled child runs when
 * its parent blocks: reading an empty pipe that an echo child will fill switches to the child, lets
 * it read and write, and switches back when it blocks again (§5: "one read and one write kernel call
 * in each process, plus two context switches" per round trip).
 */
final class ModelProcesses implements KernelEntry, Pipes, Select, Processes {
    private final Hardware hw;
    private final Descriptors descriptors;
    private final Files files;
    /** Loading a program for exec, from wherever the configuration keeps its programs. */
    private final Runnable loadProgram;
    private final double getpidPath;
    private final double pipePath;
    private final double closePath;
    private final double switchPath;
    private final double selectBase;
    private final double selectEmpty;
    private final double selectReady;
    private final double selectIdleWaitNs;
    private final double spawnPath;
    private final long forkCopyBytes;
    private final double copyProgram;
    private final Map<Integer, End> ends = new HashMap<>();

    /** A pipe's buffer, how many descriptors (ours or a child's) can still write to it, and the echo child that does. */
    private static final class PipeBuffer {
        long bytes;
        int writers;
        Echo writer;
    }

    private record End(PipeBuffer pipe, boolean reading) {
    }

    /** A running cat: copies its input pipe to its output pipe whenever it gets the CPU. */
    private static final class Echo implements Child {
        final PipeBuffer input;
        final PipeBuffer output;
        boolean exited;

        Echo(PipeBuffer input, PipeBuffer output) {
            this.input = input;
            this.output = output;
        }

        @Override
        public int waitFor() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    /** A child that has already run to completion (cp). */
    private record Finished() implements Child {
        @Override
        public int waitFor() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    ModelProcesses(Hardware hw, ModelSpec spec, Descriptors descriptors, Files files, Runnable loadProgram) {
        this.hw = hw;
        this.descriptors = descriptors;
        this.files = files;
        this.loadProgram = loadProgram;
        getpidPath = spec.number("getpid_instructions");
        pipePath = spec.number("pipe_io_instructions");
        closePath = spec.number("close_instructions");
        switchPath = spec.number("switch_instructions");
        selectBase = spec.number("select_instructions");
        double scale = spec.number("select_fd_scale");
        selectEmpty = scale * spec.number("select_empty_fd_instructions");
        selectReady = scale * spec.number("select_ready_fd_instructions");
        selectIdleWaitNs = spec.number("select_idle_wait_ms") * 1e6;
        spawnPath = spec.number("spawn_instructions");
        forkCopyBytes = (long) (spec.number("fork_copy_kb") * 1024);
        copyProgram = spec.number("copy_program_instructions");
    }

    @Override
    public long nullCall() {
        hw.syscall(getpidPath);
        return 42;
    }

    @Override
    public Pipe open() {
        PipeBuffer pipe = new PipeBuffer();
        pipe.writers = 1;
        int read = descriptors.allocate();
        int write = descriptors.allocate();
        ends.put(read, new End(pipe, true));
        ends.put(write, new End(pipe, false));
        hw.syscall(pipePath);
        return new Pipe(read, write);
    }

    @Override
    public int write(int fd, MemorySegment buffer, int bytes) {
        End end = end(fd, false);
        hw.syscall(pipePath);
        hw.copy(bytes, true, true);
        end.pipe.bytes += bytes;
        return bytes;
    }

    @Override
    public int read(int fd, MemorySegment buffer, int bytes) {
        End end = end(fd, true);
        PipeBuffer pipe = end.pipe;
        if (pipe.bytes == 0 && pipe.writer != null && !pipe.writer.exited) {
            runUntilBlocked(pipe.writer);
        }
        hw.syscall(pipePath);
        int n = (int) Math.min(bytes, pipe.bytes);
        if (n == 0 && pipe.writers > 0) {
            throw new IllegalStateException("read of an empty pipe that nothing will ever fill: the modelled process would block forever");
        }
        hw.copy(n, true, true);
        pipe.bytes -= n;
        return n;
    }

    /** The parent blocks; the echo child runs, echoes what is waiting, and blocks again (or exits at end of file). */
    private void runUntilBlocked(Echo echo) {
        hw.contextSwitch(switchPath);
        if (echo.input.bytes > 0) {
            long n = echo.input.bytes;
            hw.syscall(pipePath); // its read returns
            hw.copy(n, true, true);
            echo.input.bytes = 0;
            hw.syscall(pipePath); // its write
            hw.copy(n, true, true);
            echo.output.bytes += n;
        } else if (echo.input.writers == 0) {
            exit(echo);
        }
        hw.contextSwitch(switchPath);
    }

    private void exit(Echo echo) {
        echo.exited = true;
        echo.output.writers--;
    }

    @Override
    public void close(int fd) {
        End end = ends.remove(fd);
        if (end == null) {
            files.close(fd);
            return;
        }
        descriptors.release(fd);
        hw.syscall(closePath);
        if (!end.reading) {
            end.pipe.writers--;
        }
    }

    @Override
    public int readableNow(int[] fds) {
        hw.syscall(selectBase);
        int readable = 0;
        for (int fd : fds) {
            PipeBuffer pipe = end(fd, true).pipe;
            boolean ready = pipe.bytes > 0 || pipe.writers == 0;
            hw.kernel(ready ? selectReady : selectEmpty);
            readable += ready ? 1 : 0;
        }
        if (readable == 0 && selectIdleWaitNs > 0) {
            hw.clock.advance(selectIdleWaitNs);
        }
        return readable;
    }

    @Override
    public Child spawn(Program program, int stdinFd, int stdoutFd, Placement placement) {
        return switch (program) {
            case Program.Echo e -> {
                forkAndExec();
                End in = end(stdinFd, true);
                End out = end(stdoutFd, false);
                out.pipe.writers++;
                Echo echo = new Echo(in.pipe, out.pipe);
                out.pipe.writer = echo;
                yield echo;
            }
            case Program.CopyFile copy -> {
                runToExit(() -> {
                    hw.kernel(copyProgram);
                    copyFile(copy.from(), copy.to());
                });
                yield new Finished();
            }
        };
    }

    /** Runs a program that does only CPU work of its own (a compiler pass). */
    void runProgram() {
        runToExit(() -> { });
    }

    /** Starts a program, switches to it, lets it do its work, and switches back when it exits and the parent's wait returns. */
    private void runToExit(Runnable work) {
        forkAndExec();
        hw.contextSwitch(switchPath);
        work.run();
        hw.contextSwitch(switchPath);
    }

    /** fork copies the parent's page tables and writable pages; exec loads the program. */
    private void forkAndExec() {
        hw.syscall(spawnPath);
        hw.copy(forkCopyBytes, false, false);
        loadProgram.run();
    }

    /** What cp does: read the source and write the copy in 8 KB blocks. */
    private void copyFile(String from, String to) {
        long size = files.stat(from);
        int in = files.openForReading(from);
        int out = files.create(to);
        for (long done = 0; done < size; ) {
            long n = files.read(in, null, Math.min(Namespace.BLOCK, size - done));
            files.write(out, null, n);
            done += n;
        }
        files.close(in);
        files.close(out);
    }

    private End end(int fd, boolean reading) {
        End end = ends.get(fd);
        if (end == null || end.reading != reading) {
            throw new IllegalStateException("descriptor " + fd + " is not the " + (reading ? "read" : "write") + " end of a modelled pipe");
        }
        return end;
    }
}
