package org.asfast.host;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library calls the host adapter makes, as downcall handles (Linux, x86-64 and aarch64).
 *
 * <p>Calls that never block and run for microseconds at most are linked "critical", which skips
 * the JVM's thread-state transition: on getpid that transition would otherwise be a visible part
 * of what we measure. Calls that can block (pipe reads, disk I/O) are linked normally. Calls whose
 * failure we report capture errno.
 */
final class Libc {
    private Libc() {
    }

    static final long SYS_GETPID = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> 39;
        case "aarch64" -> 172;
        default -> throw new ExceptionInInitializerError("unsupported architecture " + System.getProperty("os.arch"));
    };

    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_DIRECTORY = 0200000;
    static final int O_NOFOLLOW = 0400000;
    static final int O_CLOEXEC = 02000000;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int EINTR = 4;
    static final int ENOSPC = 28;
    static final int SIGKILL = 9;
    static final int FD_SET_BYTES = 128;
    static final int STAT_BYTES = 256;
    /** linux/fs.h's inode-flag ioctls (the same numbers on x86-64 and aarch64) and ext2/3/4's "top of a directory hierarchy" flag. */
    static final long FS_IOC_GETFLAGS = 0x80086601L;
    static final long FS_IOC_SETFLAGS = 0x40086602L;
    static final int FS_TOPDIR_FL = 0x00020000;
    static final long STAT_SIZE_OFFSET = 48;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    static final MethodHandle SYSCALL0 = critical("syscall", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(1));
    static final MethodHandle MEMCPY = critical("memcpy", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    static final MethodHandle SELECT = critical("select", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS), ERRNO_OPTION);
    static final MethodHandle SCHED_GETCPU = critical("sched_getcpu", FunctionDescriptor.of(JAVA_INT));

    static final MethodHandle READ = errno("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    static final MethodHandle WRITE = errno("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    static final MethodHandle CLOSE = errno("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    static final MethodHandle PIPE2 = errno("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle OPENAT = errno("openat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(3));
    static final MethodHandle UNLINKAT = errno("unlinkat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle MKDIRAT = errno("mkdirat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle FSTATAT = errno("fstatat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    static final MethodHandle SYNCFS = errno("syncfs", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    static final MethodHandle LSEEK = errno("lseek", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT));
    static final MethodHandle POSIX_SPAWNP = plain("posix_spawnp", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    static final MethodHandle FILE_ACTIONS_INIT = plain("posix_spawn_file_actions_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle FILE_ACTIONS_DESTROY = plain("posix_spawn_file_actions_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle FILE_ACTIONS_ADDDUP2 = plain("posix_spawn_file_actions_adddup2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    static final MethodHandle FILE_ACTIONS_ADDOPEN = plain("posix_spawn_file_actions_addopen", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    static final MethodHandle WAITPID = errno("waitpid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle KILL = plain("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    static final MethodHandle SCHED_SETAFFINITY = errno("sched_setaffinity", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
    static final MethodHandle SCHED_GETAFFINITY = errno("sched_getaffinity", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
    static final MethodHandle IOCTL = errno("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
    static final MethodHandle STRERROR = plain("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    static final MethodHandle SYSCONF = plain("sysconf", FunctionDescriptor.of(JAVA_LONG, JAVA_INT));

    /** Size of the opaque posix_spawn_file_actions_t; generous, glibc's is 80 bytes. */
    static final long FILE_ACTIONS_BYTES = 256;

    /** The process environment, passed on to children. */
    static MemorySegment environ() {
        MemorySegment symbol = LIBC.find("environ").orElseThrow().reinterpret(ADDRESS.byteSize());
        return symbol.get(ADDRESS, 0);
    }

    /** A per-thread buffer that receives errno from the calls linked with {@link #ERRNO_OPTION}. */
    private static final ThreadLocal<MemorySegment> CALL_STATE_BUFFER =
            ThreadLocal.withInitial(() -> Arena.global().allocate(CALL_STATE));

    static MemorySegment callState() {
        return CALL_STATE_BUFFER.get();
    }

    static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    static String strerror(int errno) {
        try {
            MemorySegment message = (MemorySegment) STRERROR.invokeExact(errno);
            return message.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static MethodHandle critical(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = Linker.Option.critical(false);
        return plain(name, descriptor, all);
    }

    private static MethodHandle errno(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = ERRNO_OPTION;
        return plain(name, descriptor, all);
    }

    private static MethodHandle plain(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }
}
