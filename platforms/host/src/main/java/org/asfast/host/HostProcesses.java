package org.asfast.host;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Processes;
import org.asfast.spi.Program;

/**
 * Children started with posix_spawnp, since the JVM cannot fork. The echo partner is cat(1) and
 * the file copy is cp(1): both are plain read/write loops, as the paper's forked child was.
 */
final class HostProcesses implements Processes {
    private static final int WNOHANG = 1;
    private static final long AFFINITY_BYTES = 128;
    private final HostFiles files;

    HostProcesses(HostFiles files) {
        this.files = files;
    }

    @Override
    public Child spawn(Program program, int stdinFd, int stdoutFd, Placement placement) {
        List<String> argv = switch (program) {
            case Program.Echo echo -> List.of("cat");
            case Program.CopyFile copy -> List.of("cp", files.resolve(copy.from()).toString(), files.resolve(copy.to()).toString());
        };
        if (placement == Placement.CROSS_CPU) {
            requireTwoCpus();
        }
        int pid = posixSpawn(argv, stdinFd, stdoutFd);
        try {
            MemorySegment callerMask = switch (placement) {
                case SAME_CPU -> pin(pid, false);
                case CROSS_CPU -> pin(pid, true);
                case ANY -> null;
            };
            return new HostChild(pid, callerMask);
        } catch (RuntimeException e) {
            new HostChild(pid, null).kill(); // pinning failed: no child is left behind
            throw e;
        }
    }

    private static int posixSpawn(List<String> argv, int stdinFd, int stdoutFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(Libc.FILE_ACTIONS_BYTES, 16);
            check((int) Libc.FILE_ACTIONS_INIT.invokeExact(actions), "posix_spawn_file_actions_init");
            try {
                MemorySegment devNull = arena.allocateFrom("/dev/null");
                if (stdinFd >= 0) {
                    check((int) Libc.FILE_ACTIONS_ADDDUP2.invokeExact(actions, stdinFd, 0), "adddup2");
                } else {
                    check((int) Libc.FILE_ACTIONS_ADDOPEN.invokeExact(actions, 0, devNull, Libc.O_RDONLY, 0), "addopen");
                }
                if (stdoutFd >= 0) {
                    check((int) Libc.FILE_ACTIONS_ADDDUP2.invokeExact(actions, stdoutFd, 1), "adddup2");
                } else {
                    check((int) Libc.FILE_ACTIONS_ADDOPEN.invokeExact(actions, 1, devNull, Libc.O_WRONLY, 0), "addopen");
                }
                MemorySegment cArgv = arena.allocate(ADDRESS, argv.size() + 1);
                for (int i = 0; i < argv.size(); i++) {
                    cArgv.setAtIndex(ADDRESS, i, arena.allocateFrom(argv.get(i)));
                }
                cArgv.setAtIndex(ADDRESS, argv.size(), MemorySegment.NULL);
                MemorySegment pid = arena.allocate(JAVA_INT);
                int rc = (int) Libc.POSIX_SPAWNP.invokeExact(pid, cArgv.getAtIndex(ADDRESS, 0), actions, MemorySegment.NULL, cArgv, Libc.environ());
                if (rc != 0) {
                    throw new IllegalStateException("cannot start " + argv.getFirst() + ": " + Libc.strerror(rc));
                }
                return pid.get(JAVA_INT, 0);
            } finally {
                int unused = (int) Libc.FILE_ACTIONS_DESTROY.invokeExact(actions);
            }
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    /**
     * Pins the calling thread to the CPU it is on, and the child to that CPU or (apart) to another one the caller
     * may use; returns the caller's old mask.
     */
    private static MemorySegment pin(int childPid, boolean apart) {
        try {
            MemorySegment old = Arena.ofAuto().allocate(AFFINITY_BYTES, 8);
            MemorySegment state = Libc.callState();
            Syscall.check((int) Libc.SCHED_GETAFFINITY.invokeExact(state, 0, AFFINITY_BYTES, old), state, "sched_getaffinity");
            int cpu = (int) Libc.SCHED_GETCPU.invokeExact();
            int childCpu = apart ? otherCpu(old, cpu) : cpu;
            Syscall.check((int) Libc.SCHED_SETAFFINITY.invokeExact(state, 0, AFFINITY_BYTES, only(cpu)), state, "sched_setaffinity(self)");
            int rc = (int) Libc.SCHED_SETAFFINITY.invokeExact(state, childPid, AFFINITY_BYTES, only(childCpu));
            if (rc != 0) {
                int unused = (int) Libc.SCHED_SETAFFINITY.invokeExact(Libc.callState(), 0, AFFINITY_BYTES, old); // the caller as it was
                Syscall.check(rc, state, "sched_setaffinity(child)");
            }
            return old;
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    /** Before spawning, so that no child is left behind: a cross-CPU pair needs a second CPU to put the child on. */
    private static void requireTwoCpus() {
        try {
            MemorySegment mask = Arena.ofAuto().allocate(AFFINITY_BYTES, 8);
            MemorySegment state = Libc.callState();
            Syscall.check((int) Libc.SCHED_GETAFFINITY.invokeExact(state, 0, AFFINITY_BYTES, mask), state, "sched_getaffinity");
            int cpu = (int) Libc.SCHED_GETCPU.invokeExact();
            if (otherCpu(mask, cpu) < 0) {
                throw new CapabilityMissing(HostPlatform.NAME, "second CPU", "a cross-CPU round trip needs two, and this process may use only CPU " + cpu);
            }
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    /** The lowest CPU in {@code mask} other than {@code cpu}, or -1. */
    private static int otherCpu(MemorySegment mask, int cpu) {
        for (int i = 0; i < AFFINITY_BYTES * 8; i++) {
            if (i != cpu && (mask.getAtIndex(JAVA_LONG, i / 64) & (1L << (i % 64))) != 0) {
                return i;
            }
        }
        return -1;
    }

    private static MemorySegment only(int cpu) {
        MemorySegment one = Arena.ofAuto().allocate(AFFINITY_BYTES, 8);
        one.setAtIndex(JAVA_LONG, cpu / 64, 1L << (cpu % 64));
        return one;
    }

    private static void check(int rc, String call) {
        if (rc != 0) {
            throw new IllegalStateException(call + " failed: " + Libc.strerror(rc));
        }
    }

    /** A spawned child; closing it reaps it (killing it after a grace period) and restores the caller's CPU mask. */
    private static final class HostChild implements Child {
        private static final long GRACE_NANOS = 5_000_000_000L;
        private final int pid;
        private final MemorySegment callerMask;
        private Integer status;

        HostChild(int pid, MemorySegment callerMask) {
            this.pid = pid;
            this.callerMask = callerMask;
        }

        @Override
        public int waitFor() {
            if (status == null) {
                status = reap(0);
            }
            return status;
        }

        private int reap(int options) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment wstatus = arena.allocate(JAVA_INT);
                MemorySegment state = Libc.callState();
                while (true) {
                    int rc = (int) Libc.WAITPID.invokeExact(state, pid, wstatus, options);
                    if (rc < 0 && Libc.errno(state) == Libc.EINTR) {
                        continue;
                    }
                    Syscall.check(rc, state, "waitpid");
                    if (rc == 0) {
                        return Integer.MIN_VALUE; // still running (WNOHANG)
                    }
                    int raw = wstatus.get(JAVA_INT, 0);
                    return (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f);
                }
            } catch (Throwable t) {
                throw Syscall.rethrow(t);
            }
        }

        /** Kills the child at once and reaps it. */
        void kill() {
            try {
                int unused = (int) Libc.KILL.invokeExact(pid, Libc.SIGKILL);
                status = reap(0);
            } catch (Throwable t) {
                throw Syscall.rethrow(t);
            }
        }

        @Override
        public void close() {
            try {
                if (status == null) {
                    long deadline = System.nanoTime() + GRACE_NANOS;
                    int s;
                    while ((s = reap(WNOHANG)) == Integer.MIN_VALUE && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    if (s == Integer.MIN_VALUE) {
                        int unused = (int) Libc.KILL.invokeExact(pid, Libc.SIGKILL);
                        s = reap(0);
                    }
                    status = s;
                }
            } catch (Throwable t) {
                throw Syscall.rethrow(t);
            } finally {
                if (callerMask != null) {
                    restoreCallerMask();
                }
            }
        }

        private void restoreCallerMask() {
            try {
                MemorySegment state = Libc.callState();
                Syscall.check((int) Libc.SCHED_SETAFFINITY.invokeExact(state, 0, AFFINITY_BYTES, callerMask), state, "sched_setaffinity(restore)");
            } catch (Throwable t) {
                throw Syscall.rethrow(t);
            }
        }
    }
}
