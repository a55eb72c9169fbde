package org.asfast.host;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.asfast.spi.Select;

/**
 * select(2) on a read set with a zero timeout. nfds is the highest descriptor + 1, so the kernel
 * really checks every descriptor we name (lmbench passes a smaller nfds and checks fewer).
 */
final class HostSelect implements Select {
    private final MemorySegment readSet;
    private final MemorySegment template;
    private final MemorySegment zeroTimeout;
    private int[] templateFds = new int[0];
    private int nfds;

    HostSelect(Arena arena) {
        readSet = arena.allocate(Libc.FD_SET_BYTES, 8);
        template = arena.allocate(Libc.FD_SET_BYTES, 8);
        zeroTimeout = arena.allocate(16, 8);
    }

    @Override
    public int readableNow(int[] fds) {
        if (fds != templateFds) {
            buildTemplate(fds);
        }
        // select overwrites its arguments, so each call starts from a fresh copy, as FD_SET would make.
        MemorySegment.copy(template, 0, readSet, 0, Libc.FD_SET_BYTES);
        zeroTimeout.set(JAVA_LONG, 0, 0L);
        zeroTimeout.set(JAVA_LONG, 8, 0L);
        MemorySegment state = Libc.callState();
        try {
            int n = (int) Libc.SELECT.invokeExact(state, nfds, readSet, MemorySegment.NULL, MemorySegment.NULL, zeroTimeout);
            return (int) Syscall.check(n, state, "select");
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    private void buildTemplate(int[] fds) {
        template.fill((byte) 0);
        int highest = -1;
        for (int fd : fds) {
            if (fd < 0 || fd >= Libc.FD_SET_BYTES * 8) {
                throw new IllegalArgumentException("descriptor " + fd + " does not fit an fd_set");
            }
            byte bits = template.get(JAVA_BYTE, fd / 8);
            template.set(JAVA_BYTE, fd / 8, (byte) (bits | (1 << (fd % 8))));
            highest = Math.max(highest, fd);
        }
        nfds = highest + 1;
        templateFds = fds;
    }
}
