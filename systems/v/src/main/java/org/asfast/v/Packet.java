package org.asfast.v;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One VMTP packet: a 32-byte header, the transaction's fixed 32-byte message, and up to one packet's
 * share of the segment. A transaction's request, and its response, is a packet group: packets 0..count-1
 * of one segment, each saying where its data lies, so that the receiver assembles them in any order and a
 * retransmitted request says, in its delivery mask, which response packets already arrived.
 */
record Packet(Kind kind, Op op, int index, int count, int client, int server, int transaction, int mask,
        int segmentBytes, int offset, byte[] message, byte[] data) {

    static final int HEADER_BYTES = 32;
    static final int MESSAGE_BYTES = 32;

    enum Kind { REQUEST, RESPONSE, PENDING }

    /** What a request asks the receiving kernel to do. */
    enum Op {
        /** Deliver to the server process named in {@code server}. */
        USER,
        /** Kernel server: write the segment into the blocked client named in the message (MoveTo). */
        MOVE_TO,
        /** Kernel server: return part of the blocked client's segment (MoveFrom). */
        MOVE_FROM
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + MESSAGE_BYTES + data.length);
        b.put((byte) kind.ordinal()).put((byte) op.ordinal()).put((byte) index).put((byte) count);
        b.putInt(client).putInt(server).putInt(transaction).putInt(mask).putInt(segmentBytes).putInt(offset).putInt(0);
        b.put(Arrays.copyOf(message, MESSAGE_BYTES)).put(data);
        return b.array();
    }

    static Packet decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        Kind kind = Kind.values()[b.get()];
        Op op = Op.values()[b.get()];
        int index = Byte.toUnsignedInt(b.get());
        int count = Byte.toUnsignedInt(b.get());
        int client = b.getInt(), server = b.getInt(), transaction = b.getInt(), mask = b.getInt();
        int segmentBytes = b.getInt(), offset = b.getInt();
        b.getInt();
        byte[] message = new byte[MESSAGE_BYTES];
        b.get(message);
        byte[] data = new byte[b.remaining()];
        b.get(data);
        return new Packet(kind, op, index, count, client, server, transaction, mask, segmentBytes, offset, message, data);
    }
}
