package org.asfast.systems;

import java.nio.ByteBuffer;

/**
 * Datagrams of a fixed-size protocol header made of 32-bit fields, followed by data. The data's content does
 * not matter to the null servers the papers measure, only its length (the copies and the wire see the bytes).
 */
public final class Packets {
    private Packets() {
    }

    /** A datagram with {@code fields} at the start of a {@code headerBytes} header, then {@code dataBytes} of data. */
    public static byte[] of(int headerBytes, int dataBytes, int... fields) {
        if (fields.length * 4 > headerBytes) {
            throw new IllegalArgumentException(fields.length + " fields do not fit a " + headerBytes + "-byte header");
        }
        ByteBuffer buffer = ByteBuffer.allocate(headerBytes + dataBytes);
        for (int field : fields) {
            buffer.putInt(field);
        }
        return buffer.array();
    }

    /** Header field {@code index} of a datagram. */
    public static int field(byte[] packet, int index) {
        return ByteBuffer.wrap(packet).getInt(index * 4);
    }

    /** The data bytes after the header. */
    public static int dataBytes(byte[] packet, int headerBytes) {
        return packet.length - headerBytes;
    }

    /** How many fragments of at most {@code fragmentBytes} carry {@code bytes} (one, for none). */
    public static int fragments(int bytes, int fragmentBytes) {
        return Math.max(1, (bytes + fragmentBytes - 1) / fragmentBytes);
    }

    /** The data bytes in fragment {@code index} of {@code bytes} cut into pieces of {@code fragmentBytes}. */
    public static int fragmentBytes(int bytes, int fragmentBytes, int index) {
        return Math.max(0, Math.min(fragmentBytes, bytes - index * fragmentBytes));
    }
}
