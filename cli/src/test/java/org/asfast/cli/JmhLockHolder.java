package org.asfast.cli;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Holds JMH's lock file, as a running benchmark does, until its standard input closes. */
public final class JmhLockHolder {
    private JmhLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var held = channel.lock()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait until the test closes our input
            }
        }
    }
}
