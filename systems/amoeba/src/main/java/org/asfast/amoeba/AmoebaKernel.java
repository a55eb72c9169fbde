package org.asfast.amoeba;

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
 * An Amoeba kernel: its transactions (trans on the client, getreq and putrep on the server) over the Ethernet,
 * as Douglis et al. §3.2 describe them. A request and its reply are messages of a 32-byte header and up to
 * 30000 bytes, cut into Ethernet packets; every fragment but a message's last is acknowledged on its own (Table 1's
 * caption: "individual fragments in Sprite are not acknowledged", unlike Amoeba's); the reply acknowledges the
 * request, and the client acknowledges the reply explicitly so the server can free what it kept to answer a
 * retransmitted request. The server executes each transaction at most once: it remembers each client's last
 * transaction and answers a repeat from the reply it kept.
 *
 * <p>The caller and the server are threads: a kernel thread for kernel-to-kernel calls, a process's thread for
 * user-level ones, which also trap into the kernel for trans, putrep and getreq. Threads on one processor
 * transact without the network (Table 3's context switch is such a null transaction).
 *
 * <p>A server kernel runs a {@link Service} (the Bullet or directory server) or, by default, the null procedure the
 * papers' RPC tables measure. A service may answer later (after its disk write); while it works, a client that
 * asks again is told so (a WORKING packet), as Amoeba's kernel answers a client's enquiry, and keeps waiting.
 */
public final class AmoebaKernel implements Node {
    private static final int TYPE = 0, ID = 1, INDEX = 2, COUNT = 3, WANTED = 4, USER = 5, TOTAL = 6;
    private static final int REQUEST = 1, REPLY = 2, REPLY_ACK = 3, REQUEST_FRAGMENT_ACK = 4, REPLY_FRAGMENT_ACK = 5, WORKING = 6;

    /** A server's procedure: {@code request}'s bytes in, its reply's bytes out through {@code reply}, now or later. */
    @FunctionalInterface
    public interface Service {
        void serve(int client, byte[] request, Consumer<byte[]> reply);
    }

    private final Service service;

    private NodeContext node;
    private int header;
    private int fragment;
    private int maxMessage;
    private Retransmission.Backoff backoff;

    private Call call;
    private int nextId = 1;
    private final Map<Integer, Served> served = new HashMap<>();
    private long executions;
    private long retransmissions;

    /** A kernel whose server answers with the null procedure. */
    public AmoebaKernel() {
        this(null);
    }

    /** A kernel whose server runs {@code service}. */
    public AmoebaKernel(Service service) {
        this.service = service;
    }

    @Override
    public void start(NodeContext context) {
        node = context;
        header = (int) node.parameter("header_bytes");
        fragment = (int) node.parameter("packet_bytes") - header;
        maxMessage = (int) node.parameter("max_message_bytes");
        backoff = backoff(node::parameter);
    }

    /** A message's unanswered packets go again every retransmit_ms, max_tries times in all. */
    private static Retransmission.Backoff backoff(ToDoubleFunction<String> parameter) {
        return Retransmission.Backoff.fixed(Math.round(parameter.applyAsDouble("retransmit_ms") * 1e6), (int) parameter.applyAsDouble("max_tries"));
    }

    /** The longest a transaction waits for a server that never answers before it fails: for the platforms' own deadlines. */
    public static double giveUpNanos(ToDoubleFunction<String> parameter) {
        return backoff(parameter).giveUpNanos();
    }

    /** Transactions this kernel's servers executed (each exactly once, whatever the network did). */
    public long executions() {
        return executions;
    }

    /** Packets this kernel sent again because no answer came in time. */
    public long retransmissions() {
        return retransmissions;
    }

    /** The largest message one transaction carries each way. */
    public int maxMessage() {
        return maxMessage;
    }

    /**
     * trans: sends {@code requestBytes} to the server kernel {@code server} and waits for {@code replyBytes} back.
     * From a user process ({@code user}) it is a kernel call; the outcome fails after the retransmissions run out.
     */
    public void trans(int server, int requestBytes, int replyBytes, boolean user, Outcome outcome) {
        requireCarried(requestBytes, replyBytes);
        send(server, new byte[requestBytes], replyBytes, user, outcome);
    }

    /**
     * trans with content: sends {@code request} to the server kernel {@code server}, whose service answers; the
     * reply's bytes are then {@link #reply()}.
     */
    public void trans(int server, byte[] request, boolean user, Outcome outcome) {
        requireCarried(request.length, 0);
        send(server, request, maxMessage, user, outcome);
    }

    private void requireCarried(int requestBytes, int replyBytes) {
        if (requestBytes > maxMessage || replyBytes > maxMessage || requestBytes < 0 || replyBytes < 0) {
            throw new IllegalArgumentException("an Amoeba transaction carries 0 to " + maxMessage + " bytes each way, not " + requestBytes + " and " + replyBytes);
        }
    }

    private void send(int server, byte[] request, int replyBytes, boolean user, Outcome outcome) {
        if (user) {
            Charges.trap(node);
        }
        node.work(Work.DATA_TRANSFER, node.parameter("trans_instructions"));
        Call c = new Call(nextId++, server, request, replyBytes, user, outcome);
        call = c;
        sendRequest(c);
        c.retransmission = new Retransmission(node, backoff, () -> {
            int before = c.requestAcked.cardinality();
            sendRequest(c);
            retransmissions += Packets.fragments(c.request.length, fragment) - before;
        }, () -> c.outcome.fail(c.retransmission.reason("from the server's kernel"))).start();
    }

    /** The reply of the last transaction this kernel made, once it succeeded. */
    public byte[] reply() {
        return call == null ? null : call.replyData;
    }

    /**
     * A null transaction between two processes on this processor (Table 3, §3.1): trans traps and switches to the
     * server thread blocked in getreq, which runs the null procedure, traps for putrep and again for its next getreq,
     * which blocks it, and the client resumes. No packet is sent. The server thread is the node's other thread of
     * control ({@link NodeContext#switchTo}): live, a real thread switched to and back.
     */
    public void localTrans(Outcome outcome) {
        Charges.trap(node);
        node.work(Work.DATA_TRANSFER, node.parameter("trans_instructions"));
        Charges.contextSwitch(node, node.parameter("thread_switch_instructions"));
        node.switchTo(this::serveLocally);
        outcome.succeed(node.nanos());
    }

    /** The local server thread's turn: getreq returns, the null procedure, putrep, and the next getreq blocks it. */
    private void serveLocally() {
        executions++;
        node.work(Work.PROCEDURE, node.parameter("null_procedure_instructions"));
        Charges.trap(node);
        node.work(Work.REPLY, node.parameter("getreq_putrep_instructions"));
        Charges.trap(node);
        Charges.contextSwitch(node, node.parameter("thread_switch_instructions"));
    }

    /**
     * Creates a thread in the caller's process (Table 3): a kernel call that makes the thread and clears its
     * stack; the thread runs, exits with a kernel call, and its creator runs again. Live, the thread is a real
     * thread of the node's process ({@link NodeContext#createThread}).
     */
    public void createThread(Outcome outcome) {
        Charges.threadCreation(node, node.parameter("thread_create_instructions"), node.parameter("thread_stack_kb") * 1024,
                node.parameter("thread_switch_instructions"));
        node.createThread(() -> { // the new thread exits at once
            Charges.trap(node);
            Charges.contextSwitch(node, node.parameter("thread_switch_instructions"));
        });
        outcome.succeed(node.nanos());
    }

    /** A kernel call that does nothing. */
    public void nullCall(Outcome outcome) {
        Charges.trap(node);
        outcome.succeed(node.nanos());
    }

    @Override
    public void receive(int from, byte[] message) {
        switch (Packets.field(message, TYPE)) {
            case REQUEST -> request(from, message);
            case REPLY -> reply(from, message);
            case REPLY_ACK -> replyAcknowledged(from, Packets.field(message, ID));
            case WORKING -> {
                if (call != null && call.id == Packets.field(message, ID)) {
                    call.retransmission.heard(); // the server has the request and is still at it: keep waiting
                }
            }
            case REQUEST_FRAGMENT_ACK -> {
                if (call != null && call.id == Packets.field(message, ID)) {
                    call.requestAcked.set(Packets.field(message, INDEX));
                }
            }
            case REPLY_FRAGMENT_ACK -> {
                Served s = served.get(from);
                if (s != null && s.id == Packets.field(message, ID)) {
                    s.replyAcked.set(Packets.field(message, INDEX));
                }
            }
            default -> {
                // not ours: ignore, as a kernel ignores a packet of another protocol
            }
        }
    }

    // ---- client side

    private void sendRequest(Call c) {
        int count = Packets.fragments(c.request.length, fragment);
        for (int i = 0; i < count; i++) {
            if (!c.requestAcked.get(i)) {
                node.send(c.server, packet(c.request, i, REQUEST, c.id, i, count, c.replyBytes, c.user ? 1 : 0, c.request.length));
            }
        }
    }

    /** Fragment {@code index} of {@code data} behind a header of {@code fields}. */
    private byte[] packet(byte[] data, int index, int... fields) {
        int length = Packets.fragmentBytes(data.length, fragment, index);
        byte[] packet = Packets.of(header, length, fields);
        System.arraycopy(data, index * fragment, packet, header, length);
        return packet;
    }

    /** Copies a fragment's data into its place in a message of {@code total} bytes (made on the first fragment). */
    private byte[] assemble(byte[] message, byte[] packet, int total) {
        byte[] whole = message != null ? message : new byte[total];
        int index = Packets.field(packet, INDEX);
        System.arraycopy(packet, header, whole, index * fragment, Packets.dataBytes(packet, header));
        return whole;
    }

    private void reply(int from, byte[] message) {
        int id = Packets.field(message, ID);
        int index = Packets.field(message, INDEX);
        int count = Packets.field(message, COUNT);
        if (call == null || call.id != id || call.outcome.over()) {
            if (call != null && id <= call.id) {
                node.send(from, Packets.of(header, 0, REPLY_ACK, id)); // our acknowledgement was lost: send it again
            }
            return;
        }
        if (index < count - 1) {
            node.send(from, Packets.of(header, 0, REPLY_FRAGMENT_ACK, id, index));
        }
        if (!call.reply.get(index)) {
            call.replyData = assemble(call.replyData, message, Packets.field(message, WANTED));
        }
        call.reply.set(index);
        if (call.reply.cardinality() < count) {
            return;
        }
        call.retransmission.stop();
        Charges.contextSwitch(node, node.parameter("thread_switch_instructions")); // the caller's thread runs again
        call.outcome.succeed(node.nanos());
        node.send(from, Packets.of(header, 0, REPLY_ACK, id));
    }

    // ---- server side

    private void request(int from, byte[] message) {
        int id = Packets.field(message, ID);
        int index = Packets.field(message, INDEX);
        int count = Packets.field(message, COUNT);
        Served s = served.get(from);
        if (s != null && id < s.id) {
            return; // a transaction already answered and acknowledged
        }
        if (s == null || id > s.id) {
            if (s != null && s.retransmission != null) {
                s.retransmission.stop();
            }
            s = new Served(id);
            served.put(from, s);
        }
        if (s.executed) {
            if (index == count - 1 && !s.acknowledged) {
                if (s.replyData == null) {
                    node.send(from, Packets.of(header, 0, WORKING, id)); // the service has not answered yet
                } else {
                    retransmissions += sendReply(from, s); // the reply was lost: answer from what we kept, never run it again
                }
            }
            return;
        }
        if (index < count - 1) {
            node.send(from, Packets.of(header, 0, REQUEST_FRAGMENT_ACK, id, index));
        }
        if (!s.request.get(index)) {
            s.requestData = assemble(s.requestData, message, Packets.field(message, TOTAL));
        }
        s.request.set(index);
        if (s.request.cardinality() < count) {
            return;
        }
        boolean user = Packets.field(message, USER) == 1;
        int wanted = Packets.field(message, WANTED);
        s.executed = true;
        Charges.contextSwitch(node, node.parameter("thread_switch_instructions")); // getreq returns in the server thread
        Served kept = s;
        byte[] request = s.requestData;
        s.requestData = null;
        if (service == null) {
            executions++; // the null server's procedure; live, its instructions counted are the executions
            node.work(Work.PROCEDURE, node.parameter("null_procedure_instructions"));
            putrep(from, kept, user, new byte[wanted]);
        } else {
            executions++;
            service.serve(from, request, reply -> putrep(from, kept, user, reply));
        }
    }

    /** The server thread's putrep: the reply goes out, and the thread asks for its next request. */
    private void putrep(int client, Served s, boolean user, byte[] reply) {
        if (s.replyData != null || reply.length > maxMessage) {
            throw new IllegalStateException(s.replyData != null ? "a transaction answered twice" : "a reply of " + reply.length + " bytes; at most " + maxMessage);
        }
        if (user) {
            Charges.trap(node); // putrep
        }
        node.work(Work.REPLY, node.parameter("getreq_putrep_instructions"));
        s.replyData = reply;
        if (served.get(client) == s) {
            sendReply(client, s);
            // Until the client acknowledges the reply; after the tries, the client is gone, and a new request from it starts afresh.
            s.retransmission = new Retransmission(node, backoff, () -> retransmissions += sendReply(client, s), () -> { }).start();
        }
        if (user) {
            Charges.trap(node); // the server thread's next getreq
        }
    }

    /** Sends the reply's fragments not yet acknowledged; returns how many. */
    private int sendReply(int client, Served s) {
        int count = Packets.fragments(s.replyData.length, fragment);
        int sent = 0;
        for (int i = 0; i < count; i++) {
            if (!s.replyAcked.get(i)) {
                node.send(client, packet(s.replyData, i, REPLY, s.id, i, count, s.replyData.length));
                sent++;
            }
        }
        return sent;
    }

    private void replyAcknowledged(int client, int id) {
        Served s = served.get(client);
        if (s != null && s.id == id) {
            s.acknowledged = true;
            if (s.retransmission != null) {
                s.retransmission.stop();
            }
        }
    }

    /** The client's one outstanding transaction. */
    private static final class Call {
        final int id;
        final int server;
        final byte[] request;
        final int replyBytes;
        final boolean user;
        final Outcome outcome;
        final BitSet requestAcked = new BitSet();
        final BitSet reply = new BitSet();
        byte[] replyData;
        Retransmission retransmission;

        Call(int id, int server, byte[] request, int replyBytes, boolean user, Outcome outcome) {
            this.id = id;
            this.server = server;
            this.request = request;
            this.replyBytes = replyBytes;
            this.user = user;
            this.outcome = outcome;
        }
    }

    /** What the server keeps of a client's last transaction. */
    private static final class Served {
        final int id;
        final BitSet request = new BitSet();
        final BitSet replyAcked = new BitSet();
        byte[] requestData;
        boolean executed;
        boolean acknowledged;
        /** The reply, once the service gave it. */
        byte[] replyData;
        Retransmission retransmission;

        Served(int id) {
            this.id = id;
        }
    }
}
