package org.asfast.host;

import java.lang.foreign.MemorySegment;

/** read, write and close on any descriptor, shared by pipes and files. */
final class Descriptors {
    private Descriptors() {
    }

    static long read(int fd, MemorySegment buffer, long bytes) {
        checkFits(buffer, bytes);
        MemorySegment state = Libc.callState();
        try {
            while (true) {
                long n = (long) Libc.READ.invokeExact(state, fd, buffer, bytes);
                if (n >= 0 || Libc.errno(state) != Libc.EINTR) {
                    return Syscall.check(n, state, "read");
                }
            }
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    static long write(int fd, MemorySegment buffer, long bytes) {
        checkFits(buffer, bytes);
        MemorySegment state = Libc.callState();
        try {
            while (true) {
                long n = (long) Libc.WRITE.invokeExact(state, fd, buffer, bytes);
                if (n >= 0 || Libc.errno(state) != Libc.EINTR) {
                    return Syscall.check(n, state, "write");
                }
            }
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    static void close(int fd) {
        MemorySegment state = Libc.callState();
        try {
            Syscall.check((int) Libc.CLOSE.invokeExact(state, fd), state, "close");
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    private static void checkFits(MemorySegment buffer, long bytes) {
        if (bytes < 0 || bytes > buffer.byteSize()) {
            throw new IndexOutOfBoundsException(bytes + " bytes do not fit a buffer of " + buffer.byteSize());
        }
    }
}
