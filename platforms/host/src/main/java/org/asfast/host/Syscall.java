package org.asfast.host;

import java.lang.foreign.MemorySegment;

import org.asfast.spi.UserError;

/** Turns a failed C call into an exception that names the call and the error. */
final class Syscall {
    private Syscall() {
    }

    static long check(long result, MemorySegment callState, String call) {
        if (result < 0) {
            int errno = Libc.errno(callState);
            if (errno == Libc.ENOSPC) {
                throw new UserError(call + " failed: the target file system is full; free some space or choose another --target");
            }
            throw new HostCallFailed(call + " failed: " + Libc.strerror(errno), errno);
        }
        return result;
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** A C library call returned an error. */
    static final class HostCallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int errno;

        HostCallFailed(String message, int errno) {
            super(message);
            this.errno = errno;
        }
    }
}
