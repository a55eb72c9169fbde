package org.asfast.systems;

import java.lang.foreign.MemorySegment;
import org.asfast.spi.Files;
import org.asfast.spi.Processes;
import org.asfast.spi.Program;

/**
 * cp's own work on a file service's client, simulated or live: the file's size from stat, then its bytes read and
 * written in blocks through the client's file calls, as cp(1) does on the host.
 */
final class FileCopy {
    /** cp's buffer. */
    static final int BLOCK = 8192;

    /** A program that has exited with status 0: its work was done before spawn returned. */
    static final Processes.Child EXITED = new Processes.Child() {
        @Override
        public int waitFor() {
            return 0;
        }

        @Override
        public void close() {
            // it has exited
        }
    };

    private FileCopy() {
    }

    /** Copies {@code copy.from()} to {@code copy.to()} through {@code files}, with {@code buffer} of at least {@link #BLOCK} bytes. */
    static void copy(Files files, MemorySegment buffer, Program.CopyFile copy) {
        long size = files.stat(copy.from());
        int in = files.openForReading(copy.from());
        int out = files.create(copy.to());
        for (long done = 0; done < size; ) {
            long n = files.read(in, buffer, Math.min(BLOCK, size - done));
            if (n == 0) {
                break;
            }
            files.write(out, buffer, n);
            done += n;
        }
        files.close(in);
        files.close(out);
    }
}
