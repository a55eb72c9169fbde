package org.asfast.sprite;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The Sprite file system's remote procedures between a client's kernel and its file server (Welch 1990; Nelson
 * et al. 1988): their operation codes, open modes, answers, and the encoding of their arguments. Every request
 * starts with the operation and the server boot stamp the client knows, so a server that rebooted since answers
 * a handle's operation with {@link #STALE} and the client reopens its files first.
 */
final class SpriteFs {
    private SpriteFs() {
    }

    /** Sprite moves file data to and from its server in blocks of 4 Kbytes (Douglis et al. §3.3). */
    static final int BLOCK = 4096;

    // client to server
    static final int OPEN = 1, CLOSE = 2, READ = 3, WRITE = 4, REMOVE = 5, MKDIR = 6, STAT = 7, REOPEN = 8, FREE = 9;
    // server to client
    static final int RECALL = 20;

    // open modes
    static final int READING = 1, WRITING = 2, CREATING = 4;

    // answers
    static final int OK = 0, NO_SUCH_FILE = 1, EXISTS = 2, NOT_A_DIRECTORY = 3, STALE = 4, IS_A_DIRECTORY = 5, NO_SPACE = 6;

    static String describe(int status, String path) {
        return switch (status) {
            case NO_SUCH_FILE -> "no such file or directory: " + path;
            case EXISTS -> "already exists: " + path;
            case NOT_A_DIRECTORY -> "a component of " + path + " is not a directory";
            case IS_A_DIRECTORY -> path + " is a directory";
            case STALE -> "the file server rebooted and does not know " + path + " any more";
            case NO_SPACE -> "the file server's disk is full: " + path + " does not fit; give it more room (sprite_disk_mb) or remove files";
            default -> "file server answered " + status + " for " + path;
        };
    }

    /** A message being written. */
    static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Out putInt(int v) {
            try {
                out.writeInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out putLong(long v) {
            try {
                out.writeLong(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Out putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            return putBytes(b, 0, b.length);
        }

        Out putBytes(byte[] b, int from, int length) {
            bytes.write(b, from, length); // the data stream writes through, unbuffered, to the same bytes
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** A request: its operation, the server boot the client knows, then the arguments. */
    static Out request(int op, int serverBoot) {
        return new Out().putInt(op).putInt(serverBoot);
    }

    /** A reply: its answer, then the results. */
    static Out reply(int status) {
        return new Out().putInt(status);
    }

    /** A message being read. */
    static final class In {
        private final ByteBuffer buffer;

        In(byte[] message) {
            buffer = ByteBuffer.wrap(message);
        }

        int getInt() {
            return buffer.getInt();
        }

        long getLong() {
            return buffer.getLong();
        }

        String getString() {
            byte[] b = new byte[getInt()];
            buffer.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        /** The bytes left. */
        byte[] rest() {
            byte[] b = new byte[buffer.remaining()];
            buffer.get(b);
            return b;
        }
    }

    /** The number of components of a path ("a/b/c/foo" has 4), each looked up on the server. */
    static int components(String path) {
        return path.split("/").length;
    }
}
