package org.asfast.xfs;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One xFS message. Every message has the same fields, most of them unused by any one kind; a control message is
 * {@link #HEADER_BYTES} long, a data message that plus its block or fragment.
 *
 * @param kind    what it asks or says
 * @param block   the file block it concerns
 * @param request the reader's or writer's request number (a reply names the request it answers)
 * @param txn     the manager's transaction number for the block (acknowledgements name the transaction)
 * @param node    a third party: the reader a forwarded request is for, or the client a write is granted to
 * @param version the block's version (the manager numbers writes)
 * @param index   a fragment's place in its stripe (the last is the parity)
 * @param data    the block or fragment; empty in control messages
 */
public record Message(Kind kind, long block, long request, long txn, int node, long version, int index, byte[] data) {
    /** Kind, block, request, transaction, node, version, index and data length. */
    public static final int HEADER_BYTES = 1 + 8 + 8 + 8 + 4 + 8 + 4 + 4;

    public enum Kind {
        /** Client to manager: a read miss. */
        READ_MISS,
        /** Client to manager: asks for ownership, to write. */
        WRITE_REQUEST,
        /** Manager to a caching client: send your copy to {@code node} (the right to reply passes to you). */
        FORWARD,
        /** A client that was forwarded a request it cannot serve (its copy is gone) tells the manager. */
        FORWARD_FAILED,
        /** Manager to storage servers: send the fragments of {@code version} to {@code node}. */
        FETCH,
        /** Client to client: the block. */
        DATA,
        /** Storage server to client: one fragment of a stripe. */
        FRAGMENT,
        /** Reader to manager: the read is done and I cache the block now. */
        READ_DONE,
        /** Manager to client: drop your copy (and your ownership). */
        INVALIDATE,
        /** Client to manager: dropped. */
        INVALIDATED,
        /** Manager to client: you own the block; write {@code version} to stripe group {@code index}. */
        GRANT,
        /** Client to storage server: append this fragment of the block's stripe to your log. */
        STORE,
        /** Storage server to client: the fragment is on disk. */
        STORED,
        /**
         * Writer to manager: the stripe of {@code version} is on disk in every server of its group (or in all but one, whose
         * fragment the parity rebuilds); the manager answers COMMITTED, or ABORTED if it took the grant back.
         */
        WRITTEN,
        /** Client to manager: I no longer cache the block (my copy from transaction {@code txn}). */
        EVICT,
        /** Manager to storage server: which versions of the block do you hold? */
        LOCATE,
        /** Storage server to manager: I hold a fragment of {@code version} (or version -1: none). */
        LOCATED,
        /** A rebuilding storage server to a peer of its group: list the stripes you hold. */
        INVENTORY,
        /** Peer to a rebuilding server: I hold a fragment of ({@code block}, {@code version}); {@code index} -1 ends the list. */
        INVENTORY_ENTRY,
        /** A rebuilding server to a peer: send me your fragment of ({@code block}, {@code version}). */
        FRAGMENT_REQUEST,
        /** Anyone to a client: answer at once (the user-to-user round trip of §6.2). */
        PING,
        /** The answer to a PING. */
        PONG,
        /** Manager to the writer it granted the block to, when the write is slow: report your stripe now, or give the grant back. */
        REVOKE,
        /** Writer to manager: I gave the grant of {@code txn} back; nothing of it will be reported. */
        REVOKED,
        /** Manager to writer: the stripe of {@code version} is the block's now; acknowledge your user's write. */
        COMMITTED,
        /** Manager to writer: the grant of {@code txn} was taken back before you reported; the stripe is not the block's, write again. */
        ABORTED
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

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + data.length);
        b.put((byte) kind.ordinal()).putLong(block).putLong(request).putLong(txn).putInt(node).putLong(version).putInt(index).putInt(data.length).put(data);
        return b.array();
    }

    /** The message in {@code bytes}, or null if they are not one (a stray datagram is ignored, not fatal). */
    public static Message decode(byte[] bytes) {
        if (bytes.length < HEADER_BYTES || bytes[0] < 0 || bytes[0] >= KINDS.length) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        Kind kind = KINDS[b.get()];
        long block = b.getLong();
        long request = b.getLong();
        long txn = b.getLong();
        int node = b.getInt();
        long version = b.getLong();
        int index = b.getInt();
        int length = b.getInt();
        if (length != b.remaining()) {
            return null;
        }
        byte[] data = new byte[length];
        b.get(data);
        return new Message(kind, block, request, txn, node, version, index, data);
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
        return kind + "(block " + block + ", request " + request + ", txn " + txn + ", node " + node + ", version " + version + ", index " + index
                + (data.length > 0 ? ", " + data.length + " bytes" : "") + ")";
    }
}
