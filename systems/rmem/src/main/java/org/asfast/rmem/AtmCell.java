package org.asfast.rmem;

import java.nio.ByteBuffer;

/**
 * One ATM cell of the remote-memory protocol as it passes through the controller's FIFOs, a word at a time: a
 * 12-byte header (operation, flags, segment and tag; generation; offset) and at most 40 data bytes, 13 words in all
 * for a full cell (Table 2: "each single-cell read and write operation moves 10 4-byte words"). The message carries
 * only the words it uses, but the FIFOs move whole cells (53 bytes on the fibre; a short one is padded), so a CAS
 * costs as many FIFO accesses as a READ and is faster only by its memory accesses, as §3.1.2 explains.
 */
record AtmCell(Op op, boolean notifies, boolean ack, int segment, int tag, int generation, int offset, byte[] data) {
    static final int HEADER_BYTES = 12;
    static final int DATA_BYTES = 40;
    static final int MAX_SEGMENTS = 256;

    /** What a cell asks for or answers. */
    enum Op {
        WRITE, READ, CAS, READ_DATA, CAS_RESULT, WRITE_ACK, PROTECTION_ERROR
    }

    AtmCell {
        if (data.length > DATA_BYTES) {
            throw new IllegalArgumentException("a cell carries at most " + DATA_BYTES + " data bytes, not " + data.length);
        }
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + data.length);
        int flags = (notifies ? 1 : 0) | (ack ? 2 : 0);
        b.putInt(op.ordinal() << 28 | flags << 24 | (segment & 0xff) << 16 | (tag & 0xffff));
        b.putInt(generation);
        b.putInt(offset);
        b.put(data);
        return b.array();
    }

    static AtmCell decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int word = b.getInt();
        int generation = b.getInt();
        int offset = b.getInt();
        byte[] data = new byte[bytes.length - HEADER_BYTES];
        b.get(data);
        int flags = word >>> 24 & 0xf;
        return new AtmCell(Op.values()[word >>> 28], (flags & 1) != 0, (flags & 2) != 0, word >>> 16 & 0xff, word & 0xffff, generation, offset, data);
    }

    /** The same cell under request id {@code tag}. */
    AtmCell tagged(int tag) {
        return new AtmCell(op, notifies, ack, segment, tag, generation, offset, data);
    }

    /** The same cell asking for an acknowledgement. */
    AtmCell acknowledged() {
        return new AtmCell(op, notifies, true, segment, tag, generation, offset, data);
    }

    /** Bytes through each end's FIFO: a whole cell, whatever it carries (a cell is 53 bytes on the fibre; a short one is padded). */
    int bytes() {
        return HEADER_BYTES + DATA_BYTES;
    }

    static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    static int intAt(byte[] data, int index) {
        return ByteBuffer.wrap(data).getInt(4 * index);
    }
}
