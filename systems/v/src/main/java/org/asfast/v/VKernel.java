package org.asfast.v;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Timer;
import org.asfast.nodes.Work;

/**
 * The V kernel of one host (Cheriton 1988): lightweight processes exchange fixed 32-byte messages with
 * Send, Receive and Reply, and a server moves segment data into or out of a blocked client with MoveTo
 * and MoveFrom. A Send to a process on this host is handled by the local IPC module; a Send to another
 * host goes through the network IPC module over a VMTP-like transport: no connection set-up, a request
 * and a response each sent as a packet group, the response acknowledging the request, the client kernel
 * retransmitting on a timeout, and the server kernel suppressing duplicates from its per-client state
 * (it keeps the last response to send again, and says "reply pending" while the server still works).
 *
 * <p>Costs are charged to the host's CPU as the operations happen: each kernel operation
 * ({@code kernel_operation_instructions}: entry, exit and the IPC path), each process switch, each copy at
 * the memory's speed, VMTP's per-transaction work, and per packet the driver work and copy the cluster
 * charges plus the frame's move into or out of the interface's buffer; the interface holds {@code interface_transmit_buffers} outgoing frames, so the next frame of a
 * packet group is copied in only when an earlier one has left.
 */
public final class VKernel implements Node {
    private static final int KERNEL_SERVER = 0;

    private NodeContext context;
    private final Map<Integer, VServer> processes = new HashMap<>();
    /** Servers invoked as procedures inside the kernel (the procedure-invocation model): no switch, no Receive or Reply trap. */
    private final java.util.Set<Integer> inKernel = new java.util.HashSet<>();
    private int nextLocal = 1;
    private int nextTransaction = 1;
    /** Client transactions of this host's processes, by client pid: a process has at most one Send outstanding. */
    private final Map<Integer, Transaction> blocked = new HashMap<>();
    /** What this kernel, as a server host, remembers of each remote client: VMTP's duplicate suppression. */
    private final Map<Integer, ClientState> clients = new HashMap<>();
    private final ArrayDeque<Outgoing> transmitQueue = new ArrayDeque<>();
    private int framesInInterface;
    private double lastFrameOffWire;
    private long retransmissions;
    private long duplicatesSuppressed;
    private long requestsDelivered;

    /** The result of a Send: the server's 32-byte reply, the segment it replied with, the client's buffer, or an error. */
    public record Reply(byte[] message, byte[] segment, byte[] buffer, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    @Override
    public void start(NodeContext context) {
        this.context = context;
    }

    public NodeContext context() {
        return context;
    }

    /** Creates a server process on this host, blocked in Receive; returns its process id. */
    public int spawn(VServer server) {
        int pid = pid(context.self(), nextLocal++);
        processes.put(pid, server);
        server.started(this, pid);
        return pid;
    }

    /**
     * Creates a server that runs as a procedure invocation inside the kernel on behalf of the caller, as
     * V's kernel servers do (the memory server with its page frame cache); returns its id.
     */
    public int spawnInKernel(VServer server) {
        int pid = spawn(server);
        inKernel.add(pid);
        return pid;
    }

    /** A process id for a client process of this host (clients need no server code). */
    public int newClient() {
        return pid(context.self(), nextLocal++);
    }

    static int pid(int host, int local) {
        return host << 16 | local;
    }

    static int hostOf(int pid) {
        return pid >>> 16;
    }

    /** VMTP retransmissions this kernel made, as a client. */
    public long retransmissions() {
        return retransmissions;
    }

    /** Duplicate requests this kernel answered from its client state instead of delivering them again. */
    public long duplicatesSuppressed() {
        return duplicatesSuppressed;
    }

    /** When the last frame this host sent through its modelled interface had left the wire, in its clock's nanoseconds. */
    public double lastFrameOffWire() {
        return lastFrameOffWire;
    }

    /** Requests delivered to this host's server processes. */
    public long requestsDelivered() {
        return requestsDelivered;
    }

    // ---- kernel operations called by processes ----

    /** V's null kernel operation (GetPid): entry, exit and returning a field. */
    public int getPid(int pid) {
        context.work(Work.KERNEL_CALL, parameter("kernel_operation_instructions") + parameter("null_call_instructions"));
        return pid;
    }

    /**
     * Send: a 32-byte {@code message} from process {@code client} to {@code server}, with {@code segment}
     * sent along (for a write) and {@code exposedBytes} of it readable by MoveFrom, and a buffer of
     * {@code bufferBytes} the server may fill by MoveTo. {@code done} runs on this kernel when the reply
     * arrives, or with an error when the server's host stops answering.
     */
    public void send(int client, int server, byte[] message, byte[] segment, byte[] exposed, int bufferBytes, Consumer<Reply> done) {
        context.work(Work.KERNEL_CALL, parameter("kernel_operation_instructions"));
        Transaction t = new Transaction(client, server, nextTransaction++, Packet.Op.USER, message, segment, exposed, new byte[bufferBytes], done);
        begin(t);
    }

    /**
     * The kernel's own Send of a blocked process's request to another server, from a server invoked inside the
     * kernel: on a page frame cache miss "the kernel ... causes the faulting process to send a read request
     * requesting the data block to the server implementing the open file". No process traps to make it and no
     * process runs again when it is answered (the faulting process's own transaction resumes it), so it costs
     * neither a kernel operation nor a process switch; {@code done} runs in the kernel with the reply.
     */
    public void sendFor(int inKernelServer, int server, byte[] message, Consumer<Reply> done) {
        if (!inKernel.contains(inKernelServer)) {
            throw new IllegalArgumentException("only a server inside the kernel sends on a process's behalf, not " + Integer.toHexString(inKernelServer));
        }
        Transaction t = new Transaction(inKernelServer, server, nextTransaction++, Packet.Op.USER, message, new byte[0], new byte[0], 0, done);
        t.onBehalf = true;
        begin(t);
    }

    /** MoveTo: the server writes {@code data} into the blocked {@code request}'s client buffer at {@code offset}. */
    public void moveTo(Request request, int offset, byte[] data, Runnable done) {
        context.work(Work.KERNEL_CALL, parameter("kernel_operation_instructions"));
        Transaction local = blocked.get(request.client);
        if (local != null) {
            copy(data.length);
            System.arraycopy(data, 0, local.buffer, offset, data.length);
            done.run();
            return;
        }
        byte[] message = address(request.client, offset, data.length);
        Transaction t = new Transaction(request.server, pid(hostOf(request.client), KERNEL_SERVER), nextTransaction++,
                Packet.Op.MOVE_TO, message, data, new byte[0], 0, reply -> done.run());
        begin(t);
    }

    /** MoveFrom: the server reads {@code length} bytes at {@code offset} of the blocked {@code request}'s client segment. */
    public void moveFrom(Request request, int offset, int length, Consumer<byte[]> done) {
        context.work(Work.KERNEL_CALL, parameter("kernel_operation_instructions"));
        Transaction local = blocked.get(request.client);
        if (local != null) {
            copy(length);
            done.accept(Arrays.copyOfRange(local.exposed, offset, offset + length));
            return;
        }
        byte[] message = address(request.client, offset, length);
        Transaction t = new Transaction(request.server, pid(hostOf(request.client), KERNEL_SERVER), nextTransaction++,
                Packet.Op.MOVE_FROM, message, new byte[0], new byte[0], length, reply -> done.accept(reply.buffer()));
        begin(t);
    }

    /** Reply: the server answers {@code request} with a 32-byte message and a segment, and the client runs again. */
    public void reply(Request request, byte[] message, byte[] segment) {
        if (request.replied) {
            throw new IllegalStateException("process " + request.server + " replied twice to transaction " + request.transaction);
        }
        request.replied = true;
        if (!inKernel.contains(request.server)) {
            context.work(Work.KERNEL_CALL, parameter("kernel_operation_instructions"));
        }
        Transaction local = blocked.get(request.client);
        if (local != null && local.id == request.transaction) {
            copy(Packet.MESSAGE_BYTES + segment.length);
            finish(local, new Reply(message.clone(), segment.clone(), local.buffer, null));
            return;
        }
        context.work(Work.REPLY, parameter("vmtp_transaction_instructions"));
        ClientState state = clients.get(request.client);
        state.response = group(Packet.Kind.RESPONSE, Packet.Op.USER, request.client, request.server, request.transaction, message, segment);
        state.replied = true;
        for (Packet p : state.response) {
            transmit(hostOf(request.client), p);
        }
    }

    // ---- the client side of a transaction ----

    private void begin(Transaction t) {
        blocked.put(t.client, t);
        copy(Packet.MESSAGE_BYTES);
        VServer local = processes.get(t.server);
        if (local != null) {
            Request r = new Request(t.client, t.server, t.id, t.message, t.segment, t.exposed.length);
            copy(t.segment.length);
            if (inKernel.contains(t.server)) {
                requestsDelivered++;
                local.receive(r);
            } else {
                t.switched = true;
                deliver(local, r);
            }
            t.suspended = !t.finished; // the caller waits for a reply that comes later
            return;
        }
        if (hostOf(t.server) == context.self()) {
            finish(t, new Reply(null, null, null, "no process " + Integer.toHexString(t.server) + " on host " + context.self()));
            return;
        }
        context.work(Work.DATA_TRANSFER, parameter("vmtp_transaction_instructions"));
        t.switched = true;
        t.request = group(Packet.Kind.REQUEST, t.op, t.client, t.server, t.id, t.message, t.segment);
        sendRequest(t);
    }

    private void sendRequest(Transaction t) {
        for (Packet p : t.request) {
            transmit(hostOf(t.server), withMask(p, t.receivedMask));
        }
        arm(t);
    }

    private void arm(Transaction t) {
        if (t.timer != null) {
            t.timer.cancel();
        }
        t.timer = context.after(Math.round(parameter("vmtp_timeout_ms") * 1e6), () -> timeout(t));
    }

    private void timeout(Transaction t) {
        if (t.finished) {
            return;
        }
        if (t.retries >= parameter("vmtp_retries")) {
            finish(t, new Reply(null, null, null, "V server " + Integer.toHexString(t.server) + " on host " + hostOf(t.server)
                    + " did not answer: no response after " + t.retries + " retransmissions, "
                    + Math.round((t.retries + 1) * parameter("vmtp_timeout_ms")) + " ms"));
            return;
        }
        t.retries++;
        retransmissions++;
        sendRequest(t);
    }

    private void responsePacket(Packet p) {
        Transaction t = blocked.get(p.client());
        if (t == null || t.id != p.transaction() || t.finished) {
            duplicatesSuppressed += p.kind() == Packet.Kind.RESPONSE ? 1 : 0;
            return;
        }
        if (p.kind() == Packet.Kind.PENDING) {
            t.retries = 0; // the server is alive and working: wait again
            arm(t);
            return;
        }
        if (t.parts == null) {
            t.parts = new byte[p.count()][];
            t.replyMessage = p.message();
        }
        if (t.parts[p.index()] == null) {
            t.parts[p.index()] = p.data();
            t.receivedMask |= 1 << p.index();
            t.partsReceived++;
        }
        if (t.partsReceived == t.parts.length) {
            t.timer.cancel();
            context.work(Work.DATA_TRANSFER, parameter("vmtp_transaction_instructions"));
            byte[] data = join(t.parts, p.segmentBytes());
            if (t.op == Packet.Op.MOVE_FROM) {
                finish(t, new Reply(t.replyMessage, new byte[0], data, null));
            } else {
                finish(t, new Reply(t.replyMessage, data, t.buffer, null));
            }
        }
    }

    private void finish(Transaction t, Reply reply) {
        t.finished = true;
        if (t.timer != null) {
            t.timer.cancel();
        }
        blocked.remove(t.client);
        if ((t.switched || t.suspended) && !t.onBehalf) {
            context.work(Work.CONTROL_TRANSFER, parameter("process_switch_instructions")); // the client runs again
        }
        t.done.accept(reply);
    }

    // ---- the server side ----

    private void deliver(VServer server, Request r) {
        context.work(Work.CONTROL_TRANSFER, parameter("process_switch_instructions"));
        context.work(Work.KERNEL_CALL, parameter("kernel_operation_instructions")); // the server's Receive returns
        requestsDelivered++;
        server.receive(r);
    }

    private void requestPacket(int from, Packet p) {
        ClientState state = clients.get(p.client());
        if (state != null && p.transaction() < state.transaction) {
            duplicatesSuppressed++;
            return; // older than the client's current transaction: a stale duplicate
        }
        if (state != null && p.transaction() == state.transaction && state.dispatched) {
            duplicatesSuppressed++;
            if (state.response != null) {
                for (Packet r : state.response) {
                    if ((p.mask() & 1 << r.index()) == 0) {
                        transmit(from, r);
                    }
                }
            } else {
                transmit(from, new Packet(Packet.Kind.PENDING, p.op(), 0, 1, p.client(), p.server(), p.transaction(), 0, 0, 0, new byte[0], new byte[0]));
            }
            return;
        }
        if (state == null || p.transaction() > state.transaction) {
            state = new ClientState(p.transaction(), p.count());
            clients.put(p.client(), state);
        }
        if (state.parts[p.index()] == null) {
            state.parts[p.index()] = p.data();
            state.partsReceived++;
        }
        if (state.partsReceived < state.parts.length) {
            return;
        }
        state.dispatched = true;
        context.work(Work.DATA_TRANSFER, parameter("vmtp_transaction_instructions"));
        byte[] segment = join(state.parts, p.segmentBytes());
        state.parts = null;
        switch (p.op()) {
            case USER -> {
                VServer server = processes.get(p.server());
                if (server == null) {
                    return; // no such process: the client times out
                }
                deliver(server, new Request(p.client(), p.server(), p.transaction(), p.message(), segment, p.offset()));
            }
            case MOVE_TO, MOVE_FROM -> kernelServer(state, p, segment);
        }
    }

    /** The kernel's own server, invoked as a procedure: MoveTo and MoveFrom on a blocked local client. */
    private void kernelServer(ClientState state, Packet p, byte[] segment) {
        int[] address = address(p.message());
        Transaction target = blocked.get(address[0]);
        byte[] reply = new byte[0];
        if (target != null) {
            if (p.op() == Packet.Op.MOVE_TO) {
                System.arraycopy(segment, 0, target.buffer, address[1], segment.length);
            } else {
                reply = Arrays.copyOfRange(target.exposed, address[1], address[1] + address[2]);
            }
        }
        context.work(Work.REPLY, parameter("vmtp_transaction_instructions"));
        state.response = group(Packet.Kind.RESPONSE, p.op(), p.client(), p.server(), p.transaction(), new byte[0], reply);
        for (Packet r : state.response) {
            transmit(hostOf(p.client()), r);
        }
    }

    @Override
    public void receive(int from, byte[] bytes) {
        interfaceCopy(bytes.length);
        Packet p = Packet.decode(bytes);
        if (p.kind() == Packet.Kind.REQUEST) {
            requestPacket(from, p);
        } else {
            responsePacket(p);
        }
    }

    // ---- packets and the network interface ----

    private Packet[] group(Packet.Kind kind, Packet.Op op, int client, int server, int transaction, byte[] message, byte[] segment) {
        int perPacket = (int) parameter("segment_bytes_per_packet");
        if (segment.length > parameter("segment_max_bytes")) {
            throw new IllegalArgumentException("a V segment holds at most " + (int) parameter("segment_max_bytes") + " bytes, not " + segment.length);
        }
        int count = Math.max(1, (segment.length + perPacket - 1) / perPacket);
        Packet[] packets = new Packet[count];
        for (int i = 0; i < count; i++) {
            byte[] data = Arrays.copyOfRange(segment, Math.min(segment.length, i * perPacket), Math.min(segment.length, (i + 1) * perPacket));
            int offsetField = kind == Packet.Kind.REQUEST && op == Packet.Op.USER ? exposedOf(client) : 0;
            packets[i] = new Packet(kind, op, i, count, client, server, transaction, 0, segment.length, offsetField, message, data);
        }
        return packets;
    }

    private int exposedOf(int client) {
        Transaction t = blocked.get(client);
        return t == null ? 0 : t.exposed.length;
    }

    private static Packet withMask(Packet p, int mask) {
        return mask == 0 ? p : new Packet(p.kind(), p.op(), p.index(), p.count(), p.client(), p.server(), p.transaction(), mask,
                p.segmentBytes(), p.offset(), p.message(), p.data());
    }

    private void transmit(int host, Packet p) {
        transmitQueue.add(new Outgoing(host, p.encode()));
        pump();
    }

    /** Copies frames into the interface while it has room; a transmit-done interrupt frees a buffer after the frame's wire time. */
    private void pump() {
        if (parameter("interface_transmit_buffers") == 0) { // no modelled interface (live): the frame goes to the network at once
            while (!transmitQueue.isEmpty()) {
                Outgoing o = transmitQueue.poll();
                context.send(o.host, o.bytes);
            }
            return;
        }
        while (framesInInterface < parameter("interface_transmit_buffers") && !transmitQueue.isEmpty()) {
            Outgoing o = transmitQueue.poll();
            framesInInterface++;
            interfaceCopy(o.bytes.length);
            context.send(o.host, o.bytes);
            double wireNanos = (o.bytes.length + parameter("ethernet_framing_bytes")) * 8 / parameter("ethernet_mbps") * 1000;
            lastFrameOffWire = context.nanos() + wireNanos;
            context.after(Math.round(wireNanos), () -> {
                framesInInterface--;
                pump();
            });
        }
    }

    private record Outgoing(int host, byte[] bytes) {
    }

    // ---- helpers ----

    private double parameter(String name) {
        return context.parameter(name);
    }

    /** Charges moving a frame between memory and the Ethernet interface's own buffer: copies at the memory's speed. */
    private void interfaceCopy(int bytes) {
        copy(bytes * parameter("interface_copies"));
    }

    /** Charges a copy of {@code bytes} through memory on this host's CPU. */
    void copy(double bytes) {
        double nanos = bytes / (parameter("memory_mbs") * (1 << 20)) * 1e9;
        context.work(Work.DATA_TRANSFER, nanos * parameter("mips") / 1000 / parameter("kernel_cpi"));
    }

    /** Charges the user-level work of a process on this host. */
    public void userWork(double instructions) {
        context.work(Work.PROCEDURE, instructions);
    }

    private static byte[] address(int client, int offset, int length) {
        return java.nio.ByteBuffer.allocate(Packet.MESSAGE_BYTES).putInt(client).putInt(offset).putInt(length).array();
    }

    private static int[] address(byte[] message) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(message);
        return new int[] {b.getInt(), b.getInt(), b.getInt()};
    }

    private static byte[] join(byte[][] parts, int total) {
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** A Send in progress on this host. */
    private static final class Transaction {
        final int client;
        final int server;
        final int id;
        final Packet.Op op;
        final byte[] message;
        final byte[] segment;
        final byte[] exposed;
        final byte[] buffer;
        final Consumer<Reply> done;
        Packet[] request;
        byte[][] parts;
        byte[] replyMessage;
        int partsReceived;
        int receivedMask;
        int retries;
        Timer timer;
        boolean finished;
        /** Another process ran, or the client waited for the network: resuming it is a process switch. */
        boolean switched;
        boolean suspended;
        /** Sent by the kernel for a blocked process ({@link #sendFor}): nobody runs again when it ends. */
        boolean onBehalf;

        Transaction(int client, int server, int id, Packet.Op op, byte[] message, byte[] segment, byte[] exposed, int bufferBytes, Consumer<Reply> done) {
            this(client, server, id, op, message, segment, exposed, new byte[bufferBytes], done);
        }

        Transaction(int client, int server, int id, Packet.Op op, byte[] message, byte[] segment, byte[] exposed, byte[] buffer, Consumer<Reply> done) {
            this.client = client;
            this.server = server;
            this.id = id;
            this.op = op;
            this.message = message;
            this.segment = segment;
            this.exposed = exposed;
            this.buffer = buffer;
            this.done = done;
        }
    }

    /** VMTP's state for one remote client: its current transaction, the request being assembled, the response kept. */
    private static final class ClientState {
        final int transaction;
        byte[][] parts;
        int partsReceived;
        boolean dispatched;
        boolean replied;
        Packet[] response;

        ClientState(int transaction, int count) {
            this.transaction = transaction;
            this.parts = new byte[count][];
        }
    }
}
