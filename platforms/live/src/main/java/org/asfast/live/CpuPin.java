package org.asfast.live;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * A thread held on one CPU (Linux sched_setaffinity, through java.lang.foreign) until {@link #close}, which gives it
 * back the CPUs it had. Threads it starts meanwhile are held there too: a new thread inherits its creator's mask.
 * Table 3's papers measured on uniprocessors, so a live context switch and thread creation keep both threads on one.
 */
final class CpuPin implements AutoCloseable {
    /** Mask bytes: room for 1024 CPUs, as glibc's cpu_set_t. */
    private static final long MASK_BYTES = 128;

    private final Thread owner;
    private final int tid;
    private final int cpu;
    private final MemorySegment oldMask;
    private boolean closed;

    private CpuPin(Thread owner, int tid, int cpu, MemorySegment oldMask) {
        this.owner = owner;
        this.tid = tid;
        this.cpu = cpu;
        this.oldMask = oldMask;
    }

    /** Holds the calling thread on the CPU it is running on now. */
    static CpuPin here() {
        return to(Affinity.call(Affinity.SCHED_GETCPU));
    }

    /** Holds the calling thread on {@code cpu}; when that fails (a CPU it may not use), it keeps the CPUs it had. */
    static CpuPin to(int cpu) {
        if (cpu < 0 || cpu >= MASK_BYTES * 8) {
            throw new IllegalArgumentException("no CPU " + cpu + " in a mask of " + MASK_BYTES * 8);
        }
        MemorySegment old = Arena.ofAuto().allocate(MASK_BYTES, 8);
        Affinity.check(Affinity.mask(Affinity.SCHED_GETAFFINITY, 0, old), "sched_getaffinity");
        MemorySegment one = Arena.ofAuto().allocate(MASK_BYTES, 8);
        one.setAtIndex(JAVA_LONG, cpu / 64, 1L << (cpu % 64));
        Affinity.check(Affinity.mask(Affinity.SCHED_SETAFFINITY, 0, one), "sched_setaffinity to CPU " + cpu);
        return new CpuPin(Thread.currentThread(), Affinity.call(Affinity.GETTID), cpu, old);
    }

    /** Links the C calls now rather than at the first pin; a C library without them fails that pin, not this. */
    static void link() {
        try {
            Affinity.call(Affinity.SCHED_GETCPU);
        } catch (LinkageError e) {
            // the first pin reports it
        }
    }

    int cpu() {
        return cpu;
    }

    /** Gives the thread back its old CPUs, from whichever thread closes (once its thread has ended there is nothing to give back). */
    @Override
    public void close() {
        if (closed || !owner.isAlive()) {
            closed = true;
            return;
        }
        closed = true;
        Affinity.check(Affinity.mask(Affinity.SCHED_SETAFFINITY, tid, oldMask), "sched_setaffinity (restoring thread " + tid + "'s CPUs)");
    }

    /** The C library's affinity calls, linked at first use. */
    private static final class Affinity {
        private static final Linker LINKER = Linker.nativeLinker();
        private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
        private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        private static final ThreadLocal<MemorySegment> STATE = ThreadLocal.withInitial(() -> Arena.global().allocate(CALL_STATE));

        static final MethodHandle SCHED_GETCPU = link("sched_getcpu", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle GETTID = link("gettid", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle SCHED_GETAFFINITY = link("sched_getaffinity", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
                Linker.Option.captureCallState("errno"));
        static final MethodHandle SCHED_SETAFFINITY = link("sched_setaffinity", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
                Linker.Option.captureCallState("errno"));
        static final MethodHandle STRERROR = link("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

        private static MethodHandle link(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            MemorySegment symbol = LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
            return LINKER.downcallHandle(symbol, descriptor, options);
        }

        static int call(MethodHandle noArguments) {
            try {
                return (int) noArguments.invokeExact();
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        /** sched_getaffinity or sched_setaffinity of thread {@code tid} (0: the caller); -errno on failure. */
        static int mask(MethodHandle call, int tid, MemorySegment mask) {
            try {
                MemorySegment state = STATE.get();
                int rc = (int) call.invokeExact(state, tid, MASK_BYTES, mask);
                return rc == 0 ? 0 : -(int) ERRNO.get(state, 0L);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        static void check(int result, String what) {
            if (result < 0) {
                throw new IllegalStateException(what + " failed: " + strerror(-result));
            }
        }

        private static String strerror(int errno) {
            try {
                return ((MemorySegment) STRERROR.invokeExact(errno)).reinterpret(1024).getString(0);
            } catch (Throwable t) {
                return "errno " + errno;
            }
        }
    }
}
