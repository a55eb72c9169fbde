package org.asfast.rmem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Timer;
import org.asfast.nodes.Work;
import org.asfast.rmem.AtmCell.Stamp;
import org.asfast.systems.Charges;

/**
 * One machine's remote-memory emulation (Thekkath et al. §3.1): the kernel's segment table and the meta-instructions
 * WRITE, READ and CAS, trapped to and emulated in the kernel, moving each ATM cell through the controller's FIFOs by
 * programmed I/O (no DMA). Segments are exported with a fresh generation number; a request that names a stale
 * generation, a segment not exported or bytes outside it gets a protection error, never data. The machine's
 * applications (the name clerk, a file server or client) run on it and are called back on notification.
 *
 * <p>Charges, in the categories of the paper's Figure 3: each cell in or out is DATA_TRANSFER (REPLY when it answers a
 * request or a server writes results back), a notification is CONTROL_TRANSFER, the application's code is PROCEDURE.
 * Deterministic: nothing here is random, and the applications draw only from {@link NodeContext#random()}.
 *
 * <p>The paper's network loses and duplicates nothing (§3: loss is "catastrophic"), and neither does this kernel by
 * default. With the parameter {@code retransmit_us} above 0 it survives a lossy network as §3.7 suggests, by
 * timeouts at the source: every request (each cell of a WRITE, now acknowledged, a READ, a CAS) is sent again until
 * it is answered, up to {@code retransmit_attempts} times, under its {@link Stamp}: the source's incarnation and the
 * request's sequence number among those from this source to that target. The target executes each request at most
 * once, answering a repeat from the replies it keeps per source; each request also says the lowest sequence its
 * source still awaits from the target, and the target forgets the replies below it and ignores repeats of them. A
 * new incarnation of a source (it restarted) starts afresh, and a late cell of a life that ended is dropped. A READ
 * is no exception: executed again, a multi-cell READ could return pieces of two instants (a piece lost from the
 * first, the segment written between), so a repeat gets the cells kept from the one execution, and the reader counts
 * each piece once; a protection error is kept too. A multi-cell WRITE with notification sends its last cell, which
 * notifies, only once the others are acknowledged, so the notified process never sees part of the data.
 */
public class RmemKernel implements Node {
    /** How a meta-instruction ended: {@code error} is null on success; {@code result} holds READ's data or CAS's (success, old value). */
    public interface Completion {
        void completed(byte[] result, String error);
    }

    /** An application's handler for a notification: a request with the notify bit reached segment {@code segment}. */
    public interface Notified {
        void notified(int from, int segment, int offset);
    }

    /** Data another machine wrote arrived in a local segment (a spin-waiting process sees it; no control transfer). */
    public interface Deposited {
        void deposited(int from, int offset, int count);
    }

    /** A remote segment as an importer holds it: its machine, number, generation at export, and size. */
    public record Descriptor(int node, int segment, int generation, int bytes) {
    }

    /** Why a request was refused, as the protection error carries it. */
    enum Refusal {
        NO_SUCH_SEGMENT("is not exported"), STALE("was revoked (the import's generation is stale)"), OUT_OF_RANGE("was accessed outside its bounds"),
        UNALIGNED("was given an unaligned CAS word");

        final String text;

        Refusal(String text) {
            this.text = text;
        }
    }

    private static final class Segment {
        final byte[] memory;
        int generation;
        boolean exported;
        Notified notified;
        Deposited deposited;
        long depositedAt = -1;

        Segment(int bytes) {
            memory = new byte[bytes];
        }
    }

    private static final class Pending {
        final Completion done;
        final int segment;
        final int offset;
        final boolean notify;
        final byte[] result;
        /** A READ's pieces already in, each counted once (a repeat may bring them again). */
        final BitSet arrived = new BitSet();
        int pieces;
        /** Where the request went, its key in {@link #pending}; with retransmission its cell, how often it was sent, and its timer. */
        int to;
        long key;
        AtmCell request;
        Work kind;
        int sent;
        Timer timer;

        Pending(Completion done, int segment, int offset, int count, boolean notify) {
            this.done = done;
            this.segment = segment;
            this.offset = offset;
            this.notify = notify;
            this.result = new byte[count];
        }
    }

    protected NodeContext node;
    private final List<Segment> segments = new ArrayList<>();
    /** The requests awaiting their answer, by {@link #key} of target and sequence (the paper's: its 16 bits). */
    private final Map<Long, Pending> pending = new HashMap<>();
    /** Per target machine: the last sequence number used, and (with retransmission) the ones still awaited. */
    private final Map<Integer, Integer> sequences = new HashMap<>();
    private final Map<Integer, TreeSet<Integer>> awaited = new HashMap<>();
    /** This boot's incarnation: the clock in microseconds when the machine started. */
    private int incarnation;
    /**
     * The last generation number given out. The clerk's well-known segments, exported first at boot, take 1 to
     * {@link #WELL_KNOWN_GENERATIONS} on every boot; later exports start from the boot's clock in microseconds, so no
     * descriptor of an earlier boot of this machine names a generation of this one (the paper's generations increase
     * monotonically; 32 bits of microseconds wrap after 71 minutes).
     */
    private int generations;
    static final int WELL_KNOWN_GENERATIONS = 3;
    private long protectionErrors;
    private long notifications;
    private long retransmissions;
    private long repeats;
    /** 0: the paper's kernel, no retransmission; else how long a request waits for its answer before it is sent again. */
    private long retransmitNanos;
    /** With retransmission: how often a request is sent in all before it fails. */
    private int attempts;
    /** Per source machine: the requests of its current incarnation executed and still awaited, with their answers. */
    private final Map<Integer, KeptReplies> kept = new HashMap<>();
    private NameClerk clerk;

    @Override
    public final void start(NodeContext context) {
        node = context;
        retransmitNanos = Math.round(context.parameter("retransmit_us") * 1e3);
        attempts = (int) context.parameter("retransmit_attempts");
        incarnation = (int) (context.nanos() / 1000);
        generations = 0;
        clerk = new NameClerk(this);
        if (Integer.compareUnsigned(incarnation, generations) > 0) {
            generations = incarnation;
        }
        started();
    }

    /** This machine's name-server clerk. */
    public NameClerk clerk() {
        return clerk;
    }

    /** The machine booted: applications allocate and export their segments here. */
    protected void started() {
    }

    public NodeContext context() {
        return node;
    }

    /** A new local segment of {@code bytes}, not yet exported; returns its number. */
    public int allocate(int bytes) {
        if (segments.size() == AtmCell.MAX_SEGMENTS) {
            throw new IllegalStateException("machine " + node.self() + " has all its " + AtmCell.MAX_SEGMENTS + " segments");
        }
        segments.add(new Segment(bytes));
        return segments.size() - 1;
    }

    /** Makes a segment remotely accessible under a new generation number (monotonically increasing on this machine). */
    public Descriptor export(int segment) {
        Segment s = segments.get(segment);
        s.generation = nextGeneration();
        s.exported = true;
        return descriptor(segment);
    }

    /** Withdraws a segment: descriptors of its earlier export get protection errors from now on. */
    public void revoke(int segment) {
        Segment s = segments.get(segment);
        s.exported = false;
        s.generation = nextGeneration();
    }

    private int nextGeneration() {
        generations++;
        if (Integer.compareUnsigned(generations, WELL_KNOWN_GENERATIONS) <= 0 && clerk != null) {
            generations = WELL_KNOWN_GENERATIONS + 1; // wrapped: the well-known segments' numbers are theirs alone
        }
        return generations;
    }

    /** This machine's descriptor of one of its segments, as the name server hands it to importers. */
    public Descriptor descriptor(int segment) {
        Segment s = segments.get(segment);
        return new Descriptor(node.self(), segment, s.generation, s.memory.length);
    }

    /** The segment's memory, for local loads and stores by the machine's applications. */
    public byte[] memory(int segment) {
        return segments.get(segment).memory;
    }

    public void onNotify(int segment, Notified handler) {
        segments.get(segment).notified = handler;
    }

    public void onDeposit(int segment, Deposited handler) {
        segments.get(segment).deposited = handler;
    }

    /** When data from another machine last landed in the segment (the node's clock), or -1. */
    public long depositedAt(int segment) {
        return segments.get(segment).depositedAt;
    }

    public long protectionErrors() {
        return protectionErrors;
    }

    public long notifications() {
        return notifications;
    }

    /** Requests this machine sent again because their answer was late. */
    public long retransmissions() {
        return retransmissions;
    }

    /** The replies this machine keeps for repeats of machine {@code source}'s requests (those it may still await). */
    int keptReplies(int source) {
        KeptReplies replies = kept.get(source);
        return replies == null ? 0 : replies.replies.size();
    }

    /** Repeated requests this machine answered without executing them again. */
    public long repeats() {
        return repeats;
    }

    /**
     * WRITE rd, off, count, notify: the data goes out in cells of 40 bytes, the notify bit on the last. The write is
     * non-blocking: it completes when its last cell is handed to the network, unless {@code ack} asks the remote kernel
     * to acknowledge it (live timing only; the paper's write has no acknowledgement). With retransmission every cell
     * is acknowledged and the write completes when all are.
     */
    public void write(Descriptor rd, int offset, byte[] data, boolean notify, boolean ack, Work kind, Completion done) {
        trap(kind);
        String error = outOfRange(rd, offset, data.length);
        if (error != null) {
            done.completed(null, error);
            return;
        }
        List<AtmCell> cells = new ArrayList<>();
        int room = pieceBytes();
        for (int at = 0; at < Math.max(1, data.length); at += room) {
            boolean last = at + room >= data.length;
            byte[] piece = Arrays.copyOfRange(data, at, Math.min(data.length, at + room));
            cells.add(new AtmCell(AtmCell.Op.WRITE, notify && last, ack && last, rd.segment(), 0, rd.generation(), offset + at, piece));
        }
        if (retransmitNanos > 0) {
            AtmCell notifying = notify && cells.size() > 1 ? cells.remove(cells.size() - 1) : null;
            writeAcknowledged(rd.node(), cells, kind, notifying == null ? done
                    : (r, e) -> writeAcknowledged(rd.node(), List.of(notifying), kind, done, e), null);
            return;
        }
        int tag = ack ? register(rd.node(), new Pending(done, -1, 0, 0, false)) : 0;
        for (AtmCell cell : cells) {
            send(rd.node(), cell.tagged(tag, null), kind);
        }
        if (!ack) {
            done.completed(new byte[0], null);
        }
    }

    /** Sends each cell as a request of its own, acknowledged and repeated until it is; {@code done} once all are (or one fails). */
    private void writeAcknowledged(int to, List<AtmCell> cells, Work kind, Completion done, String earlier) {
        if (earlier != null) {
            done.completed(null, earlier);
            return;
        }
        int[] left = {cells.size()};
        String[] failed = {null};
        for (AtmCell cell : cells) {
            request(to, cell.acknowledged(), kind, new Pending((r, e) -> {
                if (e != null && failed[0] == null) {
                    failed[0] = e;
                    done.completed(null, e);
                } else if (--left[0] == 0 && failed[0] == null) {
                    done.completed(new byte[0], null);
                }
            }, -1, 0, 0, false));
        }
    }

    /** READ rs, soff, count, rd, doff, notify: one request cell; the data comes back in cells and lands in local segment {@code rd}. */
    public void read(Descriptor rs, int soff, int count, int rd, int doff, boolean notify, Completion done) {
        trap(Work.DATA_TRANSFER);
        String error = outOfRange(rs, soff, count);
        if (error == null && (rd < 0 || rd >= segments.size())) {
            error = "machine " + node.self() + " has no local segment " + rd + " to read into; allocate one first";
        } else if (error == null && (doff < 0 || (long) doff + count > segments.get(rd).memory.length)) {
            error = "the local segment " + rd + " has no room for " + count + " bytes at " + doff;
        }
        if (error != null) {
            done.completed(null, error);
            return;
        }
        Pending p = new Pending(done, rd, doff, count, notify);
        p.pieces = Math.max(1, (count + pieceBytes() - 1) / pieceBytes());
        request(rs.node(), new AtmCell(AtmCell.Op.READ, false, false, rs.segment(), 0, rs.generation(), soff, AtmCell.ints(count)), Work.DATA_TRANSFER, p);
    }

    /** CAS: compares the word at {@code offset} with {@code expected} and, if equal, stores {@code replacement}; the result is (1 or 0, old value). */
    public void cas(Descriptor rd, int offset, int expected, int replacement, Completion done) {
        trap(Work.DATA_TRANSFER);
        String error = outOfRange(rd, offset, 4);
        if (error != null) {
            done.completed(null, error);
            return;
        }
        request(rd.node(), new AtmCell(AtmCell.Op.CAS, false, false, rd.segment(), 0, rd.generation(), offset, AtmCell.ints(expected, replacement)),
                Work.DATA_TRANSFER, new Pending(done, -1, 0, 8, false));
    }

    /**
     * Sends a request under the next sequence number to {@code to}, answered through {@code p}; with retransmission
     * stamped, and again until it is answered.
     */
    private void request(int to, AtmCell cell, Work kind, Pending p) {
        int sequence = register(to, p);
        if (retransmitNanos > 0) {
            int behind = sequence - awaited.get(to).first();
            p.request = cell.tagged(behind < AtmCell.UNKNOWN_LOWEST ? behind : AtmCell.UNKNOWN_LOWEST, new Stamp(incarnation, sequence));
        } else {
            p.request = cell.tagged(sequence, null);
        }
        p.kind = kind;
        transmit(p);
    }

    private void transmit(Pending p) {
        p.sent++;
        send(p.to, p.request, p.kind);
        if (retransmitNanos > 0) {
            p.timer = node.after(retransmitNanos, () -> expire(p));
        }
    }

    private void expire(Pending p) {
        if (pending.get(p.key) != p) {
            return;
        }
        if (p.sent < attempts) {
            retransmissions++;
            transmit(p);
            return;
        }
        answered(p.key);
        p.done.completed(null, "no answer from machine " + p.to + " after " + p.sent + " attempts over "
                + Math.round(p.sent * retransmitNanos / 1e6) + " ms; it may have crashed or be unreachable");
    }

    /** The request under {@code key} is answered (or given up): it leaves the pending and awaited ones and its timer stops. */
    private Pending answered(long key) {
        Pending p = pending.remove(key);
        if (p != null) {
            if (p.timer != null) {
                p.timer.cancel();
            }
            TreeSet<Integer> waiting = awaited.get(p.to);
            if (waiting != null) {
                waiting.remove((int) key);
            }
        }
        return p;
    }

    /** A reply's key in {@link #pending}: its request's target and sequence; null if it answers an earlier incarnation's request. */
    private Long replyKey(int from, AtmCell cell) {
        if (cell.stamp() == null) {
            return key(from, cell.tag());
        }
        return cell.stamp().incarnation() == incarnation ? key(from, cell.stamp().sequence()) : null;
    }

    private static long key(int to, int sequence) {
        return (long) to << 32 | (sequence & 0xffffffffL);
    }

    /** Data bytes per cell: the paper's 40, or 32 beside a retransmitting kernel's stamp. */
    /** Data bytes one cell carries: fewer when retransmission stamps each cell with its request's identity. */
    int pieceBytes() {
        return retransmitNanos > 0 ? AtmCell.STAMPED_DATA_BYTES : AtmCell.DATA_BYTES;
    }

    @Override
    public void receive(int from, byte[] message) {
        AtmCell cell = AtmCell.decode(message);
        fifo(Work.DATA_TRANSFER, cell.bytes());
        switch (cell.op()) {
            case WRITE, READ, CAS -> serve(from, cell);
            case READ_DATA -> readData(replyKey(from, cell), cell);
            case CAS_RESULT, WRITE_ACK -> {
                Long key = replyKey(from, cell);
                Pending p = key == null ? null : answered(key);
                if (p != null) {
                    p.done.completed(cell.data(), null);
                }
            }
            case PROTECTION_ERROR -> {
                Long key = replyKey(from, cell);
                Pending p = key == null ? null : answered(key);
                if (p == null) {
                    protectionErrors += cell.stamp() == null && cell.tag() == 0 ? 1 : 0; // an unacknowledged WRITE's; else a repeat's, counted already
                    return;
                }
                protectionErrors++;
                Refusal why = Refusal.values()[AtmCell.intAt(cell.data(), 0)];
                p.done.completed(null, "protection error: segment " + cell.segment() + " of machine " + from + " " + why.text);
            }
        }
    }

    private void serve(int from, AtmCell cell) {
        KeptReplies replies = null;
        Stamp stamp = cell.stamp();
        if (stamp != null) {
            KeptReplies source = kept.get(from);
            if (source != null && source.ended.contains(stamp.incarnation())) {
                return; // a late cell from a life of the source that has ended: nothing awaits its answer, and it must not wipe the new life's replies
            }
            if (source == null || source.incarnation != stamp.incarnation()) { // the source is new or restarted: its earlier replies are of no use
                source = new KeptReplies(stamp.incarnation(), source);
                kept.put(from, source);
            }
            if (cell.tag() != AtmCell.UNKNOWN_LOWEST) {
                source.forgetBelow(stamp.sequence() - cell.tag());
            }
            if (stamp.sequence() < source.lowest) {
                return; // a late repeat of a request its source has the answer to
            }
            List<AtmCell> answer = source.replies.get(stamp.sequence());
            if (answer != null) {
                repeats++;
                for (AtmCell reply : answer) {
                    send(from, reply, Work.REPLY); // the answer was lost: send it again, do not execute again
                }
                return;
            }
            replies = source;
        }
        Segment s = cell.segment() < segments.size() ? segments.get(cell.segment()) : null;
        int count = switch (cell.op()) {
            case READ -> AtmCell.intAt(cell.data(), 0);
            case CAS -> 4;
            default -> cell.data().length;
        };
        Refusal refusal = s == null || !s.exported && s.generation == 0 ? Refusal.NO_SUCH_SEGMENT
                : !s.exported || s.generation != cell.generation() ? Refusal.STALE
                : cell.offset() < 0 || count < 0 || (long) cell.offset() + count > s.memory.length ? Refusal.OUT_OF_RANGE
                : cell.op() == AtmCell.Op.CAS && cell.offset() % 4 != 0 ? Refusal.UNALIGNED : null;
        if (refusal != null) {
            AtmCell error = new AtmCell(AtmCell.Op.PROTECTION_ERROR, false, false, cell.segment(), cell.tag(), 0, cell.offset(), AtmCell.ints(refusal.ordinal()), stamp);
            if (replies != null) {
                replies.replies.put(stamp.sequence(), List.of(error));
            }
            send(from, error, Work.REPLY);
            return;
        }
        switch (cell.op()) {
            case WRITE -> {
                halfCopy(Work.DATA_TRANSFER, count);
                System.arraycopy(cell.data(), 0, s.memory, cell.offset(), count);
                s.depositedAt = node.nanos();
                AtmCell ack = cell.ack() ? new AtmCell(AtmCell.Op.WRITE_ACK, false, false, cell.segment(), cell.tag(), 0, cell.offset(), new byte[0], stamp) : null;
                if (replies != null) {
                    replies.replies.put(stamp.sequence(), ack == null ? List.of() : List.of(ack));
                }
                if (ack != null) {
                    send(from, ack, Work.REPLY);
                }
                if (s.deposited != null) {
                    s.deposited.deposited(from, cell.offset(), count);
                }
                if (cell.notifies() && s.notified != null) {
                    notification();
                    // The notified process runs on the node's other thread of control: live, a real switch there and back.
                    node.switchTo(() -> s.notified.notified(from, cell.segment(), cell.offset()));
                }
            }
            case READ -> {
                halfCopy(Work.REPLY, count);
                int room = stamp == null ? AtmCell.DATA_BYTES : AtmCell.STAMPED_DATA_BYTES;
                List<AtmCell> pieces = new ArrayList<>();
                for (int at = 0; at < Math.max(1, count); at += room) {
                    byte[] piece = Arrays.copyOfRange(s.memory, cell.offset() + at, cell.offset() + Math.min(count, at + room));
                    pieces.add(new AtmCell(AtmCell.Op.READ_DATA, false, false, 0, cell.tag(), 0, at, piece, stamp));
                }
                if (replies != null) {
                    replies.replies.put(stamp.sequence(), pieces);
                }
                for (AtmCell piece : pieces) {
                    send(from, piece, Work.REPLY);
                }
            }
            case CAS -> {
                int old = AtmCell.intAt(s.memory, cell.offset() / 4);
                boolean swapped = old == AtmCell.intAt(cell.data(), 0);
                if (swapped) {
                    System.arraycopy(cell.data(), 4, s.memory, cell.offset(), 4);
                }
                AtmCell result = new AtmCell(AtmCell.Op.CAS_RESULT, false, false, 0, cell.tag(), 0, cell.offset(), AtmCell.ints(swapped ? 1 : 0, old), stamp);
                if (replies != null) {
                    replies.replies.put(stamp.sequence(), List.of(result));
                }
                send(from, result, Work.REPLY);
            }
            default -> throw new IllegalStateException(cell.op() + " is not a request");
        }
    }

    /**
     * One source incarnation's requests executed, by sequence, with the cells that answered each (none: an unacknowledged WRITE), from
     * the lowest sequence the source still awaits: below it, every request was answered and its reply is forgotten.
     */
    private static final class KeptReplies {
        final int incarnation;
        final TreeMap<Integer, List<AtmCell>> replies = new TreeMap<>();
        /** The source's earlier incarnations: a cell of one, delayed past the restart, is dropped. */
        final Set<Integer> ended;
        int lowest;

        KeptReplies(int incarnation, KeptReplies before) {
            this.incarnation = incarnation;
            this.ended = before == null ? new HashSet<>() : before.ended;
            if (before != null) {
                ended.add(before.incarnation);
            }
        }

        void forgetBelow(int awaited) {
            if (awaited > lowest) {
                lowest = awaited;
                replies.headMap(awaited).clear();
            }
        }
    }

    private void readData(Long key, AtmCell cell) {
        Pending p = key == null ? null : pending.get(key);
        int piece = cell.offset() / pieceBytes();
        if (p == null || p.arrived.get(piece)) {
            return; // a duplicate of a read already complete, or of a piece already in
        }
        p.arrived.set(piece);
        halfCopy(Work.DATA_TRANSFER, cell.data().length);
        System.arraycopy(cell.data(), 0, p.result, cell.offset(), cell.data().length);
        System.arraycopy(cell.data(), 0, segments.get(p.segment).memory, p.offset + cell.offset(), cell.data().length);
        if (p.arrived.cardinality() == p.pieces) {
            answered(key);
            if (p.notify) {
                notification();
            }
            p.done.completed(p.result, null);
        }
    }

    /**
     * The notified process is woken through its segment's file descriptor and a signal: the CPU switches to it and,
     * after the handler, back ({@code notification_switches}, a calibration); the kernel copies the signal context out to
     * the process's stack and sigreturn copies it back (a trap); the process reads the control information from the
     * descriptor (a trap).
     */
    protected final void notification() {
        notifications++;
        Charges.contextSwitches(node, node.parameter("notification_switches"), node.parameter("switch_instructions"));
        Charges.copy(node, Work.CONTROL_TRANSFER, 2 * node.parameter("sigcontext_bytes"));
        node.work(Work.CONTROL_TRANSFER, 2 * node.parameter("ds5000_trap_instructions"));
    }

    /** Entering the kernel once, charged to {@code kind} (a meta-instruction is a trap to the emulation). */
    protected final void trap(Work kind) {
        node.work(kind, node.parameter("ds5000_trap_instructions"));
    }

    /**
     * Enters {@code p} as awaited from {@code to} under the next sequence number to that machine, which it returns:
     * 32 bits with retransmission, else the paper's 16-bit tag (0 is an unacknowledged WRITE's).
     */
    private int register(int to, Pending p) {
        int sequence = sequences.getOrDefault(to, 0);
        do {
            sequence = retransmitNanos > 0 ? sequence + 1 : (sequence + 1) & 0xffff;
        } while (sequence == 0 || pending.containsKey(key(to, sequence)));
        sequences.put(to, sequence);
        p.to = to;
        p.key = key(to, sequence);
        pending.put(p.key, p);
        if (retransmitNanos > 0) {
            awaited.computeIfAbsent(to, t -> new TreeSet<>()).add(sequence);
        }
        return sequence;
    }

    private static String outOfRange(Descriptor d, int offset, int count) {
        if (offset < 0 || count < 0 || (long) offset + count > d.bytes()) {
            return "segment out of range: " + count + " bytes at offset " + offset + " do not fit segment " + d.segment() + " of machine " + d.node()
                    + " (" + d.bytes() + " bytes); " + (count < 0 || count > d.bytes() ? "give from 0 to " + d.bytes() + " bytes"
                    : "use an offset from 0 to " + (d.bytes() - count));
        }
        return null;
    }

    private void send(int to, AtmCell cell, Work kind) {
        fifo(kind, cell.bytes());
        node.send(to, cell.encode());
    }

    /** One cell through the controller's FIFO: the per-cell kernel path, then its words by programmed I/O, one access each. */
    private void fifo(Work kind, int bytes) {
        node.work(kind, node.parameter("cell_instructions"));
        Charges.seconds(node, kind, Math.ceil(bytes / 4.0) * node.parameter("fifo_word_ns") * 1e-9);
    }

    /**
     * The memory side of a cell's programmed I/O: the words read from the FIFO into registers are stored to memory (a
     * WRITE's or READ's data landing), or loaded from memory before they are written to the FIFO (a READ answered).
     * Half of a memory-to-memory copy's traffic, so at twice the copy rate, as the model's cache charges a copy whose
     * loads hit (Hardware.copy); so is a copy from memory the CPU's data cache still holds (Hybrid-1's write procedure).
     */
    protected final void halfCopy(Work kind, int bytes) {
        Charges.seconds(node, kind, halfCopySeconds(bytes, node.parameter("memory_mbs")));
    }

    /** Seconds of {@link #halfCopy} of {@code bytes} on a memory of {@code memoryMbs}: half a copy's traffic, at the copy rate. */
    static double halfCopySeconds(double bytes, double memoryMbs) {
        return bytes / 2.0 / (memoryMbs * (1 << 20));
    }
}
