package org.asfast.xfs;

import static org.asfast.xfs.Message.Field.BLOCK;
import static org.asfast.xfs.Message.Field.INDEX;
import static org.asfast.xfs.Message.Field.NODE;
import static org.asfast.xfs.Message.Field.REQUEST;
import static org.asfast.xfs.Message.Field.TXN;
import static org.asfast.xfs.Message.Field.VERSION;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One xFS message, as an Active Message carries it: the kind (the handler it invokes, one byte), then only the fields
 * that kind's receivers act on ({@link Kind#fields()}), each at the width the simulated protocol's values need; a
 * data message adds its block's or fragment's length and bytes. The sender is not a field: the transport gives it (an
 * Active Message handler's token, a datagram's source). A field a kind does not carry is not on the wire, so reading it
 * (its accessor) throws: a handler that acts on it would act on a value its sender never sent.
 *
 * @param kind    what it asks or says
 * @param block   the file block it concerns (a file and a block in it: one 64-bit number here)
 * @param request the reader's or writer's request number (a reply names the request it answers)
 * @param txn     the manager's transaction number for the block (acknowledgements name the transaction)
 * @param node    a third party: the reader a forwarded request or a fetch is for
 * @param version the block's version (the manager numbers writes)
 * @param index   a fragment's place in its stripe (the last is the parity), a grant's stripe group, a verdict's mark
 * @param data    the block or fragment; empty in control messages
 */
public record Message(Kind kind, long block, long request, long txn, int node, long version, int index, byte[] data) {
    /** A field a message may carry, with its width on the wire. */
    public enum Field {
        BLOCK(8), REQUEST(8), TXN(8), NODE(4), VERSION(8), INDEX(4);

        final int bytes;
        /** This field's bit in a kind's {@code carried} mask. */
        final int bit;

        Field(int bytes) {
            this.bytes = bytes;
            bit = 1 << ordinal();
        }
    }

    /** The kind's byte on the wire, and a data message's length word. */
    static final int KIND_BYTES = 1;
    static final int LENGTH_BYTES = 4;

    public enum Kind {
        /** Client to manager: a read miss. */
        READ_MISS(BLOCK, REQUEST),
        /** Client to manager: asks for ownership, to write. */
        WRITE_REQUEST(BLOCK, REQUEST),
        /** Manager to a caching client: send your copy to {@code node} (the right to reply passes to you). */
        FORWARD(BLOCK, REQUEST, TXN, NODE),
        /** A client that was forwarded a request it cannot serve (its copy is gone) tells the manager. */
        FORWARD_FAILED(BLOCK, TXN),
        /**
         * Manager to reader: no source answered through every try (too few of the stripe's storage servers are up); the
         * read failed. Sent again on each timeout until the reader says it heard (a lost one would leave the read waiting).
         */
        READ_FAILED(BLOCK, REQUEST, TXN),
        /** Manager to storage servers: send the fragments of {@code version} to {@code node}. */
        FETCH(BLOCK, REQUEST, TXN, NODE, VERSION),
        /** Client to client: the block. */
        DATA(true, BLOCK, REQUEST, TXN, VERSION),
        /** Storage server to client: one fragment of a stripe. */
        FRAGMENT(true, BLOCK, REQUEST, TXN, VERSION, INDEX),
        /** Reader to manager: the read is done and I cache the block now. */
        READ_DONE(BLOCK, TXN),
        /** Manager to client: drop your copy (and your ownership). */
        INVALIDATE(BLOCK, TXN),
        /** Client to manager: dropped. */
        INVALIDATED(BLOCK, TXN),
        /** Manager to client: you own the block; write {@code version} to stripe group {@code index}. */
        GRANT(BLOCK, REQUEST, TXN, VERSION, INDEX),
        /** Client to storage server: append this fragment of the block's stripe to your log. */
        STORE(true, BLOCK, REQUEST, VERSION, INDEX),
        /** Storage server to client: the fragment is on disk. */
        STORED(BLOCK, REQUEST, INDEX),
        /**
         * Writer to manager: the stripe of {@code version} is on disk in every server of its group (or in all but one, whose
         * fragment the parity rebuilds); the manager answers COMMITTED, or ABORTED if it took the grant back.
         */
        WRITTEN(BLOCK, TXN, VERSION, INDEX),
        /** Client to manager: I no longer cache the block (my copy from transaction {@code txn}). */
        EVICT(BLOCK, TXN),
        /** A rebuilding storage server to a peer of its group: list the stripes you hold. */
        INVENTORY,
        /** Peer to a rebuilding server: I hold a fragment of ({@code block}, {@code version}); {@code index} -1 ends the list. */
        INVENTORY_ENTRY(BLOCK, VERSION, INDEX),
        /** A rebuilding server to a peer: send me your fragment of ({@code block}, {@code version}). */
        FRAGMENT_REQUEST(BLOCK, VERSION),
        /** Anyone to a client: answer at once (the user-to-user round trip of §6.2). */
        PING(REQUEST),
        /** The answer to a PING. */
        PONG(REQUEST),
        /** Manager to the writer it granted the block to, when the write is slow: report your stripe now, or give the grant back. */
        REVOKE(BLOCK, REQUEST, TXN),
        /** Writer to manager: I gave the grant of {@code txn} back; nothing of it will be reported. */
        REVOKED(BLOCK, TXN),
        /** Manager to writer: the stripe of {@code version} is the block's now; acknowledge your user's write. */
        COMMITTED(BLOCK, TXN, INDEX),
        /** Manager to writer: the grant of {@code txn} was taken back before you reported; the stripe is not the block's, write again. */
        ABORTED(BLOCK, TXN),
        /** Reader to manager: I heard that the read of transaction {@code txn} failed (last: the kinds before keep their numbers on the wire). */
        READ_FAILED_SEEN(BLOCK, TXN);

        private final boolean data;
        private final Set<Field> fields;
        /** The bits of the fields it carries: the accessors' check, one AND on the hot path. */
        private final int carried;
        /** What {@link #headerBytes()} gives, worked out once: every message encoded or decoded asks. */
        private final int headerBytes;

        Kind(Field... fields) {
            this(false, fields);
        }

        Kind(boolean data, Field... fields) {
            this.data = data;
            this.fields = fields.length == 0 ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(Arrays.asList(fields));
            carried = this.fields.stream().mapToInt(f -> f.bit).sum();
            headerBytes = KIND_BYTES + this.fields.stream().mapToInt(f -> f.bytes).sum() + (data ? LENGTH_BYTES : 0);
        }

        /** The fields a message of this kind carries: those its receivers act on. */
        public Set<Field> fields() {
            return Collections.unmodifiableSet(fields);
        }

        /** True for the kinds that carry a block or a fragment. */
        boolean carriesData() {
            return data;
        }

        /** The bytes of a message of this kind before its data (a control message's whole size). */
        public int headerBytes() {
            return headerBytes;
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private static final byte[] NONE = new byte[0];

    public Message {
        data = data == null ? NONE : data;
    }

    /** A control message. */
    public static Message of(Kind kind, long block, long request, long txn, int node, long version, int index) {
        return new Message(kind, block, request, txn, node, version, index, NONE);
    }

    @Override
    public long block() {
        carried(BLOCK);
        return block;
    }

    @Override
    public long request() {
        carried(REQUEST);
        return request;
    }

    @Override
    public long txn() {
        carried(TXN);
        return txn;
    }

    @Override
    public int node() {
        carried(NODE);
        return node;
    }

    @Override
    public long version() {
        carried(VERSION);
        return version;
    }

    @Override
    public int index() {
        carried(INDEX);
        return index;
    }

    /** Throws unless this message's kind carries {@code field}: what a kind does not carry never reached its receiver. */
    private void carried(Field field) {
        if ((kind.carried & field.bit) == 0) {
            throw new IllegalStateException("a message of kind " + kind + " carries no " + field.name().toLowerCase(java.util.Locale.ROOT)
                    + " (Message.Kind lists what each kind carries); its receiver must not read one");
        }
    }

    /** The value of {@code field} (an int field widened), carried or not. */
    long value(Field field) {
        return switch (field) {
            case BLOCK -> block;
            case REQUEST -> request;
            case TXN -> txn;
            case NODE -> node;
            case VERSION -> version;
            case INDEX -> index;
        };
    }

    public byte[] encode() {
        if (data.length > 0 && !kind.data) {
            throw new IllegalArgumentException(kind + " carries no data");
        }
        ByteBuffer b = ByteBuffer.allocate(kind.headerBytes() + data.length);
        b.put((byte) kind.ordinal());
        for (Field f : kind.fields) {
            if (f.bytes == 8) {
                b.putLong(value(f));
            } else {
                b.putInt((int) value(f));
            }
        }
        if (kind.data) {
            b.putInt(data.length).put(data);
        }
        return b.array();
    }

    /** The message in {@code bytes}, or null if they are not one (a stray datagram is ignored, not fatal). */
    public static Message decode(byte[] bytes) {
        if (bytes.length < 1 || bytes[0] < 0 || bytes[0] >= KINDS.length) {
            return null;
        }
        Kind kind = KINDS[bytes[0]];
        if (bytes.length < kind.headerBytes()) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        long[] values = new long[Field.values().length];
        for (Field f : kind.fields) {
            values[f.ordinal()] = f.bytes == 8 ? b.getLong() : b.getInt();
        }
        byte[] data = NONE;
        if (kind.data) {
            int length = b.getInt();
            if (length != b.remaining()) {
                return null;
            }
            data = new byte[length];
            b.get(data);
        } else if (b.hasRemaining()) {
            return null;
        }
        return new Message(kind, values[BLOCK.ordinal()], values[REQUEST.ordinal()], values[TXN.ordinal()], (int) values[NODE.ordinal()],
                values[VERSION.ordinal()], (int) values[INDEX.ordinal()], data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && kind == m.kind && block == m.block && request == m.request && txn == m.txn && node == m.node
                && version == m.version && index == m.index && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + java.util.Objects.hash(kind, block, request, txn, node, version, index);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind.toString()).append('(');
        String separator = "";
        for (Field f : kind.fields) {
            text.append(separator).append(f.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(value(f));
            separator = ", ";
        }
        return text.append(data.length > 0 ? separator + data.length + " bytes" : "").append(')').toString();
    }
}
