package org.asfast.rmem;

import java.nio.ByteBuffer;

/**
 * One ATM cell of the remote-memory protocol as it passes through the controller's FIFOs, a word at a time: a
 * 12-byte header (operation, flags, segment and tag; generation; offset) and at most 40 data bytes, 13 words in all
 * for a full cell (Table 2: "each single-cell read and write operation moves 10 4-byte words"). The message carries
 * only the words it uses, but the FIFOs move whole cells (53 bytes on the fibre; a short one is padded), so a CAS
 * costs as many FIFO accesses as a READ and is faster only by its memory accesses, as §3.1.2 explains.
 *
 * <p>The paper's kernel (no retransmission) names a request by a 16-bit {@code tag}. A retransmitting kernel also
 * stamps every cell with a {@link Stamp}, two more words inside the same 52 bytes (a stamped cell carries at most
 * {@link #STAMPED_DATA_BYTES} data bytes), and its {@code tag} then tells how far behind the request's sequence the
 * lowest one its source still awaits from that target lies ({@link #UNKNOWN_LOWEST}: too far to say).
 */
record AtmCell(Op op, boolean notifies, boolean ack, int segment, int tag, int generation, int offset, byte[] data, Stamp stamp) {
    static final int HEADER_BYTES = 12;
    static final int DATA_BYTES = 40;
    static final int STAMP_BYTES = 8;
    static final int STAMPED_DATA_BYTES = DATA_BYTES - STAMP_BYTES;
    static final int MAX_SEGMENTS = 256;
    static final int UNKNOWN_LOWEST = 0xffff;
    private static final int STAMPED = 4;

    /**
     * A request's identity across retransmissions: its source's incarnation (the source's clock in microseconds when it
     * booted, so a restarted source is told apart) and its sequence number among the requests from that source to that
     * target (32 bits: four billion requests per pair before it wraps). A reply carries its request's stamp back.
     */
    record Stamp(int incarnation, int sequence) {
    }

    AtmCell(Op op, boolean notifies, boolean ack, int segment, int tag, int generation, int offset, byte[] data) {
        this(op, notifies, ack, segment, tag, generation, offset, data, null);
    }

    /** What a cell asks for or answers. */
    enum Op {
        WRITE, READ, CAS, READ_DATA, CAS_RESULT, WRITE_ACK, PROTECTION_ERROR
    }

    AtmCell {
        int room = stamp == null ? DATA_BYTES : STAMPED_DATA_BYTES;
        if (data.length > room) {
            throw new IllegalArgumentException("a cell carries at most " + room + " data bytes, not " + data.length);
        }
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + (stamp == null ? 0 : STAMP_BYTES) + data.length);
        int flags = (notifies ? 1 : 0) | (ack ? 2 : 0) | (stamp == null ? 0 : STAMPED);
        b.putInt(op.ordinal() << 28 | flags << 24 | (segment & 0xff) << 16 | (tag & 0xffff));
        b.putInt(generation);
        b.putInt(offset);
        if (stamp != null) {
            b.putInt(stamp.incarnation());
            b.putInt(stamp.sequence());
        }
        b.put(data);
        return b.array();
    }

    static AtmCell decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int word = b.getInt();
        int generation = b.getInt();
        int offset = b.getInt();
        int flags = word >>> 24 & 0xf;
        Stamp stamp = (flags & STAMPED) == 0 ? null : new Stamp(b.getInt(), b.getInt());
        byte[] data = new byte[b.remaining()];
        b.get(data);
        return new AtmCell(Op.values()[word >>> 28], (flags & 1) != 0, (flags & 2) != 0, word >>> 16 & 0xff, word & 0xffff, generation, offset, data, stamp);
    }

    /** The same cell under tag {@code tag} and stamp {@code stamp} (null: the paper's unstamped cell). */
    AtmCell tagged(int tag, Stamp stamp) {
        return new AtmCell(op, notifies, ack, segment, tag, generation, offset, data, stamp);
    }

    /** The same cell asking for an acknowledgement. */
    AtmCell acknowledged() {
        return new AtmCell(op, notifies, true, segment, tag, generation, offset, data, stamp);
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
