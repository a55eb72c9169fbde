package org.asfast.host;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.asfast.spi.Pipes;

/** pipe2, read, write and close. Descriptors are close-on-exec so only the children we mean to give them get them. */
final class HostPipes implements Pipes {

    @Override
    public Pipe open() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            MemorySegment state = Libc.callState();
            Syscall.check((int) Libc.PIPE2.invokeExact(state, fds, Libc.O_CLOEXEC), state, "pipe2");
            return new Pipe(fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1));
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }

    @Override
    public int read(int fd, MemorySegment buffer, int bytes) {
        return (int) Descriptors.read(fd, buffer, bytes);
    }

    @Override
    public int write(int fd, MemorySegment buffer, int bytes) {
        return (int) Descriptors.write(fd, buffer, bytes);
    }

    @Override
    public void close(int fd) {
        Descriptors.close(fd);
    }
}
