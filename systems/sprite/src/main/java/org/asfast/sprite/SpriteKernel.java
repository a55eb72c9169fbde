package org.asfast.sprite;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Retransmission;
import org.asfast.nodes.Work;
import org.asfast.systems.Charges;
import org.asfast.systems.Outcome;
import org.asfast.systems.Packets;

/**
 * A Sprite kernel: its kernel-to-kernel RPC (Douglis et al. §3.2, after Birrell and Nelson, as Sprite's rpc
 * module implements it), the pseudo-devices user processes talk through, and its kernel calls.
 *
 * <p>A client sends each RPC on a channel. The server's reply acknowledges the request, and the client's next
 * request on the same channel acknowledges the reply, so a call costs two packets when the same parties talk
 * repeatedly (implicit acknowledgements); the server keeps the reply until then and answers a retransmitted
 * request from it, so each RPC is executed at most once. A message goes out as up to 16 fragments of 1 KB
 * (rpcPacket.h: RPC_MAX_NUM_FRAGS, RPC_MAX_FRAG_SIZE), blasted without acknowledging each. A client that hears
 * nothing retransmits with "please acknowledge"; a server still working answers with an explicit acknowledgement,
 * and one missing fragments answers with the mask of those it has, so only the others are sent again.
 * The client waits as RpcDoCall (rpcClient.c) does with rpcEtherConst (rpcInit.c): 100 ms at first, 500 ms when
 * either message is fragmented, doubling after each timeout up to 1 s, and giving up after 8 tries (5.5 s, or
 * 7.5 s fragmented); each acknowledgement from a server still at work starts the tries again and doubles the
 * wait up to 5 s.
 * On the server, an RPC server process takes each request, so a context switch comes with every RPC received.
 * A process woken on a machine that ran nothing else while it waited is resumed without a full switch (as
 * Sprite's scheduler does, {@link #wake}): the client's caller when its reply comes, and the server process that
 * served the channel's last request (a client sends its calls to one server on one channel, rpcCall.c's
 * RpcChanAlloc, and the server hands a channel's requests to the process that served its last, rpcDaemon.c's
 * RpcServerAlloc).
 *
 * <p>A pseudo-device request from a user process is a kernel call whose data is copied in and out of the user's
 * pages, carried to the server's machine by RPCs of at most 16 KB each, and handed there to the user-level server
 * process: two more context switches, its kernel calls and copies, and the file system's layering.
 *
 * <p>A kernel may also serve {@link Procedures} of its own (the file system's): their requests and replies carry
 * real bytes, and a procedure may answer later (after a disk read, or after it called back another kernel); a
 * retransmitted request meanwhile is answered with an explicit acknowledgement. Every packet carries its sender's
 * boot stamp, so a server tells a rebooted client's fresh calls from an old channel's, and a caller learns of a
 * rebooted server from its replies ({@link #booted}).
 */
public final class SpriteKernel implements Node {
    private static final int TYPE = 0, CHANNEL = 1, ID = 2, INDEX = 3, COUNT = 4, WANTED = 5, COMMAND = 6, FLAGS = 7, MASK = 8, BOOT = 9;
    private static final int REQUEST = 1, REPLY = 2, ACK = 3;
    private static final int NULL_RPC = 0, PSEUDO_DEVICE = 1, PROCEDURE = 2;
    private static final int PLEASE_ACK = 1;
    /** The benchmark's one calling process uses one channel. */
    private static final int CHANNEL_OF_CALLER = 0;

    private NodeContext node;
    private int header;
    private int fragment;
    private int maxBytes;
    private Retransmission.Backoff backoff;
    private Retransmission.Backoff fragmentedBackoff;
    private long maxAckWaitNanos;

    /** What this kernel serves beyond the null RPC and pseudo-devices, or null. */
    private final Procedures procedures;
    private int boot;
    private Call call;
    /** Calls of this kernel's other processes, each waiting for the one before it (one channel). */
    private final ArrayDeque<Call> waiting = new ArrayDeque<>();
    private final Map<Integer, Integer> bootOf = new HashMap<>();
    private int nextId = 1;
    private final Map<Long, Served> served = new HashMap<>();
    /** The process this machine last ran, and idles on when nothing is ready: a client's call, a served channel's key, or null for any other. */
    private Object lastRan;
    private long executions;
    private long retransmissions;

    /**
     * A kernel's own remote procedures: {@code request} from the kernel at {@code from}, answered through
     * {@code reply} now or later, once.
     */
    public interface Procedures {
        void serve(int from, byte[] request, Consumer<byte[]> reply);
    }

    /** A kernel that serves the null RPC and pseudo-devices only. */
    public SpriteKernel() {
        this(null);
    }

    /** A kernel that also serves {@code procedures}. */
    public SpriteKernel(Procedures procedures) {
        this.procedures = procedures;
    }

    @Override
    public void start(NodeContext context) {
        node = context;
        boot = (int) (node.nanos() / 1000) ^ node.random().nextInt() | 1; // differs from the last boot's, and never 0
        header = (int) node.parameter("header_bytes");
        fragment = (int) node.parameter("fragment_bytes");
        maxBytes = fragment * (int) node.parameter("max_fragments");
        backoff = backoff(node::parameter, false);
        fragmentedBackoff = backoff(node::parameter, true);
        maxAckWaitNanos = Math.round(node.parameter("max_ack_wait_ms") * 1e6);
    }

    /** RpcDoCall's waits over the Ethernet: the first (longer when a message is fragmented), doubling to the cap, for so many tries. */
    private static Retransmission.Backoff backoff(ToDoubleFunction<String> parameter, boolean fragmented) {
        return new Retransmission.Backoff(Math.round(parameter.applyAsDouble(fragmented ? "fragmented_retry_ms" : "retransmit_ms") * 1e6), 2,
                Math.round(parameter.applyAsDouble("max_timeout_wait_ms") * 1e6), (int) parameter.applyAsDouble("max_tries"));
    }

    /** The longest a call waits for a server that never answers before its client gives up: for the platforms' own deadlines. */
    public static double giveUpNanos(ToDoubleFunction<String> parameter, boolean fragmented) {
        return backoff(parameter, fragmented).giveUpNanos();
    }

    /** RPCs this kernel's servers executed. */
    public long executions() {
        return executions;
    }

    /** Packets this kernel sent again because no answer came in time. */
    public long retransmissions() {
        return retransmissions;
    }

    /** The kernel this one runs on. */
    public NodeContext node() {
        return node;
    }

    /** This kernel's boot stamp: it differs from one boot to the next. */
    public int boot() {
        return boot;
    }

    /** The boot stamp {@code kernel}'s last packet carried (0 before any). */
    public int booted(int kernel) {
        return bootOf.getOrDefault(kernel, 0);
    }

    /**
     * A call of one of this kernel's {@link Procedures} on {@code server} with {@code request} (at most
     * {@link #maxBytes}); {@code replied} gets the reply's bytes, or {@code failed} a one-line reason once the
     * tries ran out. Calls queue behind the one in flight.
     */
    public void call(int server, byte[] request, Consumer<byte[]> replied, Consumer<String> failed) {
        if (request.length > maxBytes) {
            throw new IllegalArgumentException("a Sprite RPC carries at most " + maxBytes + " bytes, not " + request.length);
        }
        Call c = new Call(server, request.length, 0, PROCEDURE, failed, null);
        c.payload = request;
        c.replied = replied;
        send(c);
    }

    /** The most bytes one RPC carries each way. */
    public int maxBytes() {
        return maxBytes;
    }

    /** A kernel-to-kernel RPC to {@code server} carrying {@code requestBytes} there and {@code replyBytes} back. */
    public void rpc(int server, int requestBytes, int replyBytes, Outcome outcome) {
        if (requestBytes > maxBytes || replyBytes > maxBytes || requestBytes < 0 || replyBytes < 0) {
            throw new IllegalArgumentException("a Sprite RPC carries 0 to " + maxBytes + " bytes each way, not " + requestBytes + " and " + replyBytes);
        }
        send(new Call(server, requestBytes, replyBytes, NULL_RPC, outcome::fail, () -> outcome.succeed(node.nanos())));
    }

    /**
     * A user process's request on a pseudo-device served by a process on {@code server}'s machine: a write of
     * {@code requestBytes} answered with {@code replyBytes}, in as many RPCs as it takes.
     */
    public void pseudoDevice(int server, int requestBytes, int replyBytes, Outcome outcome) {
        if (requestBytes < 0 || replyBytes < 0) {
            throw new IllegalArgumentException("a pseudo-device request moves 0 or more bytes, not " + requestBytes + " and " + replyBytes);
        }
        Charges.trap(node);
        userCopy(requestBytes); // copied in from the caller's pages
        int pieces = Math.max(Packets.fragments(requestBytes, maxBytes), Packets.fragments(replyBytes, maxBytes));
        piece(server, requestBytes, replyBytes, 0, pieces, outcome);
    }

    private void piece(int server, int requestBytes, int replyBytes, int index, int pieces, Outcome outcome) {
        Runnable next = index + 1 < pieces
                ? () -> piece(server, requestBytes, replyBytes, index + 1, pieces, outcome)
                : () -> {
                    userCopy(replyBytes); // copied out to the caller's pages
                    outcome.succeed(node.nanos());
                };
        send(new Call(server, Packets.fragmentBytes(requestBytes, maxBytes, index), Packets.fragmentBytes(replyBytes, maxBytes, index),
                PSEUDO_DEVICE, outcome::fail, next));
    }

    /**
     * Table 3's context switch in Sprite: two processes hand control back and forth through shared memory, each
     * waking the other with a kernel call and waiting with another; the wake-up and wait paths are charged as
     * the model's pipe read and write. The partner is the node's other thread of control ({@link NodeContext#switchTo}):
     * live, a real thread woken through shared memory and the kernel's futex, as Sprite's processes were.
     */
    public void switchRoundTrip(Outcome outcome) {
        wakePartnerAndWait();
        node.switchTo(this::wakePartnerAndWait); // the partner runs, wakes the caller and waits in turn
        outcome.succeed(node.nanos());
    }

    /** One side's turn: a kernel call that wakes the other process, one that waits, and the switch away. */
    private void wakePartnerAndWait() {
        Charges.trap(node);
        node.work(Work.KERNEL_CALL, node.parameter("pipe_io_instructions"));
        Charges.trap(node);
        node.work(Work.KERNEL_CALL, node.parameter("pipe_io_instructions"));
        Charges.contextSwitch(node, node.parameter("switch_instructions"));
        lastRan = null;
    }

    /**
     * Table 3's thread creation in Sprite: a fork whose child shares its parent's data, charged as the model's
     * process creation (its fork path and the memory it copies); the child runs, exits, and the parent resumes.
     * Live, the child is a real thread of the node's process ({@link NodeContext#createThread}), which on Linux is a
     * process sharing its parent's memory.
     */
    public void sharedFork(Outcome outcome) {
        Charges.threadCreation(node, node.parameter("spawn_instructions"), node.parameter("fork_copy_kb") * 1024, node.parameter("switch_instructions"));
        lastRan = null;
        node.createThread(() -> Charges.contextSwitch(node, node.parameter("switch_instructions"))); // the child exits; the parent runs again
        outcome.succeed(node.nanos());
    }

    /** A kernel call that does nothing but return (getpid). */
    public void nullCall(Outcome outcome) {
        Charges.trap(node);
        node.work(Work.KERNEL_CALL, node.parameter("getpid_instructions"));
        outcome.succeed(node.nanos());
    }

    @Override
    public void receive(int from, byte[] message) {
        switch (Packets.field(message, TYPE)) {
            case REQUEST -> request(from, message);
            case REPLY -> reply(from, message);
            case ACK -> acknowledged(from, message);
            default -> {
                // another protocol's packet
            }
        }
    }

    // ---- client side

    private void send(Call c) {
        if (call != null) {
            waiting.add(c);
            lastRan = c; // its process ran to make the call, after the one in flight blocked
            return;
        }
        node.work(Work.DATA_TRANSFER, node.parameter("rpc_client_instructions"));
        c.id = nextId++;
        call = c;
        lastRan = c; // its process sends the request, then waits
        sendRequest(c, 0);
        boolean fragmented = c.requestBytes > fragment || c.replyBytes > fragment;
        c.retransmission = new Retransmission(node, fragmented ? fragmentedBackoff : backoff, () -> retransmissions += sendRequest(c, PLEASE_ACK), () -> {
            c.done = true;
            c.failed.accept(c.retransmission.reason("from the server's kernel"));
            next();
        }).start();
    }

    /** Sends the fragments the server is not known to have; the last carries {@code flags}. Returns how many. */
    private int sendRequest(Call c, int flags) {
        int count = Packets.fragments(c.requestBytes, fragment);
        int last = -1;
        for (int i = 0; i < count; i++) {
            if (!c.serverHas.get(i)) {
                last = i;
            }
        }
        int sent = 0;
        for (int i = 0; i <= last; i++) {
            if (!c.serverHas.get(i)) {
                byte[] packet = Packets.of(header, Packets.fragmentBytes(c.requestBytes, fragment, i),
                        REQUEST, CHANNEL_OF_CALLER, c.id, i, count, c.replyBytes, c.command, i == last ? flags : 0, 0, boot);
                if (c.payload != null) {
                    System.arraycopy(c.payload, i * fragment, packet, header, packet.length - header);
                }
                node.send(c.server, packet);
                sent++;
            }
        }
        return sent;
    }

    /** The server has the request and works on it (no mask), or has the fragments of its mask. */
    private void acknowledged(int from, byte[] message) {
        bootOf.put(from, Packets.field(message, BOOT));
        Call c = call;
        if (c == null || c.done || c.id != Packets.field(message, ID)) {
            return;
        }
        c.retransmission.stillWorking(maxAckWaitNanos); // the server is there: keep waiting, longer
        int mask = Packets.field(message, MASK);
        if (mask != 0) {
            c.serverHas.or(BitSet.valueOf(new long[] {mask & 0xFFFFFFFFL}));
            retransmissions += sendRequest(c, PLEASE_ACK);
        }
    }

    private void reply(int from, byte[] message) {
        bootOf.put(from, Packets.field(message, BOOT));
        Call c = call;
        if (c == null || c.done || c.id != Packets.field(message, ID)) {
            return; // a late copy of an earlier reply: nothing waits for it, and it needs no acknowledgement
        }
        int index = Packets.field(message, INDEX);
        int count = Packets.field(message, COUNT);
        if (c.replied != null) {
            c.replyData = gather(c.replyData, message, index, count);
        }
        c.reply.set(index);
        if (c.reply.cardinality() < count) {
            return;
        }
        c.done = true;
        c.retransmission.stop();
        wake(c); // the waiting process runs again
        if (c.replied != null) {
            c.replied.accept(c.replyData.bytes());
        } else {
            c.then.run();
        }
        next();
    }

    /** The call in flight is over: the next waiting one goes out. */
    private void next() {
        call = null;
        Call c = waiting.poll();
        if (c != null) {
            send(c);
        }
    }

    // ---- server side

    private void request(int from, byte[] message) {
        int channel = Packets.field(message, CHANNEL);
        int id = Packets.field(message, ID);
        int index = Packets.field(message, INDEX);
        int count = Packets.field(message, COUNT);
        int clientBoot = Packets.field(message, BOOT);
        bootOf.put(from, clientBoot);
        long key = ((long) from << 32) | channel;
        Served s = served.get(key);
        if (s != null && s.boot == clientBoot && id < s.id) {
            return;
        }
        if (s == null || s.boot != clientBoot || id > s.id) {
            s = new Served(id, clientBoot); // a new request on the channel (or a rebooted client's): the reply kept for the last one was received
            served.put(key, s);
        }
        boolean pleaseAck = (Packets.field(message, FLAGS) & PLEASE_ACK) != 0;
        if (s.executed) {
            if (pleaseAck && s.answered) {
                retransmissions += sendReply(from, channel, s); // the reply was lost: resend it, never run the call again
            } else if (pleaseAck) { // still working on it: keep the client waiting
                node.send(from, Packets.of(header, 0, ACK, channel, id, 0, count, 0, 0, 0, 0, boot));
            }
            return;
        }
        if (Packets.field(message, COMMAND) == PROCEDURE) {
            s.data = gather(s.data, message, index, count);
        }
        s.request.set(index);
        if (s.request.cardinality() < count) {
            if (pleaseAck) { // tell the client which fragments arrived, so it resends only the others
                long mask = s.request.toLongArray()[0];
                node.send(from, Packets.of(header, 0, ACK, channel, id, 0, count, 0, 0, 0, (int) mask, boot));
            }
            return;
        }
        s.executed = true;
        executions++;
        wake(key); // the RPC server process of the channel takes the request
        node.work(Work.PROCEDURE, node.parameter("null_procedure_instructions")); // live, its count is the executions
        node.work(Work.REPLY, node.parameter("rpc_server_instructions"));
        int requestBytes = Packets.dataBytes(message, header) + fragment * (count - 1);
        s.replyBytes = Packets.field(message, WANTED);
        if (Packets.field(message, COMMAND) == PROCEDURE && procedures != null) {
            Served answering = s;
            procedures.serve(from, s.data.bytes(), reply -> {
                answering.replyData = reply;
                answering.replyBytes = reply.length;
                answering.answered = true;
                answering.data = null;
                if (served.get(key) == answering) { // else the client has moved on (it rebooted)
                    sendReply(from, channel, answering);
                }
            });
            return;
        }
        if (Packets.field(message, COMMAND) == PSEUDO_DEVICE) {
            serveOnPseudoDevice(requestBytes, s.replyBytes);
        }
        s.answered = true;
        sendReply(from, channel, s);
    }

    /**
     * {@code process} runs again. Sprite's scheduler (sched/schedule.c, revisions 8.x to 9.3 of 1988-90) idles on the
     * stack of the process that last blocked, and when the process it finds ready is that one it returns to it
     * without Mach_ContextSwitch: 'If the current process is continuing, then don't bother to do full context
     * switch'. So no registers go out and in (on the SPARC, no register windows are flushed); the scheduler's own
     * path, charged whole as a full switch's switch_instructions, remains. Any other process takes a full switch.
     */
    private void wake(Object process) {
        if (process.equals(lastRan)) {
            node.work(Work.CONTROL_TRANSFER, node.parameter("switch_instructions"));
        } else {
            Charges.contextSwitch(node, node.parameter("switch_instructions"));
        }
        lastRan = process;
    }

    /** The pseudo-device's user-level server process reads the request and writes its answer. */
    private void serveOnPseudoDevice(int requestBytes, int replyBytes) {
        Charges.contextSwitch(node, node.parameter("switch_instructions"));
        Charges.trap(node);
        userCopy(requestBytes);
        node.work(Work.CONTROL_TRANSFER, node.parameter("pdev_request_instructions")); // the file system's layering between the two
        Charges.trap(node);
        userCopy(replyBytes);
        Charges.contextSwitch(node, node.parameter("switch_instructions"));
    }

    private int sendReply(int client, int channel, Served s) {
        int count = Packets.fragments(s.replyBytes, fragment);
        for (int i = 0; i < count; i++) {
            byte[] packet = Packets.of(header, Packets.fragmentBytes(s.replyBytes, fragment, i), REPLY, channel, s.id, i, count, 0, 0, 0, 0, boot);
            if (s.replyData != null) {
                System.arraycopy(s.replyData, i * fragment, packet, header, packet.length - header);
            }
            node.send(client, packet);
        }
        return count;
    }

    /** Puts a fragment's data in its place in a message being put together (made at its first fragment). */
    private Gathered gather(Gathered into, byte[] packet, int index, int count) {
        Gathered g = into != null ? into : new Gathered(new byte[count * fragment]);
        int bytes = Packets.dataBytes(packet, header);
        System.arraycopy(packet, header, g.data, index * fragment, bytes);
        if (index == count - 1) {
            g.length = index * fragment + bytes;
        }
        return g;
    }

    /** A message's bytes as its fragments arrive, in any order; the last one tells its length. */
    private static final class Gathered {
        final byte[] data;
        int length;

        Gathered(byte[] data) {
            this.data = data;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(data, length);
        }
    }

    /** A copy between a user's pages and the kernel, each page checked to be resident first. */
    private void userCopy(int bytes) {
        Charges.copy(node, Work.DATA_TRANSFER, bytes);
        double pages = Math.ceil(bytes / node.parameter("page_bytes"));
        node.work(Work.DATA_TRANSFER, pages * node.parameter("page_check_instructions"));
    }

    /** One RPC in flight on the caller's channel. */
    private static final class Call {
        final int server;
        final int requestBytes;
        final int replyBytes;
        final int command;
        final Consumer<String> failed;
        final Runnable then;
        /** A procedure call's request bytes and what gets its reply's (null for the null RPC and pseudo-devices). */
        byte[] payload;
        Consumer<byte[]> replied;
        Gathered replyData;
        final BitSet reply = new BitSet();
        /** Request fragments the server said it has. */
        final BitSet serverHas = new BitSet();
        int id;
        Retransmission retransmission;
        boolean done;

        Call(int server, int requestBytes, int replyBytes, int command, Consumer<String> failed, Runnable then) {
            this.server = server;
            this.requestBytes = requestBytes;
            this.replyBytes = replyBytes;
            this.command = command;
            this.failed = failed;
            this.then = then;
        }
    }

    /** What a server keeps of a channel's last RPC: until the next request on the channel, its reply. */
    private static final class Served {
        final int id;
        final int boot;
        final BitSet request = new BitSet();
        boolean executed;
        boolean answered;
        int replyBytes;
        /** A procedure's request as it arrives, and its reply once answered. */
        Gathered data;
        byte[] replyData;

        Served(int id, int boot) {
            this.id = id;
            this.boot = boot;
        }
    }
}
