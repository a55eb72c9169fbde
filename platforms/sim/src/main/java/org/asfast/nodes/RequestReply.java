package org.asfast.nodes;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Request and reply over a node's unreliable datagrams, executed at most once: the small RPC of Birrell and
 * Nelson that Amoeba, Sprite and V each built their own version of. Use it for a node's own calls where a paper's
 * exact protocol does not matter; a system whose paper measures its RPC writes that protocol instead.
 *
 * <ul>
 *   <li>The caller retransmits a request every {@code retransmitNanos} until the reply arrives, and gives up after
 *       {@code attempts} sends with a one-line error to its {@code failed} callback (a crashed server is an error
 *       after its timeout, never a hang).</li>
 *   <li>The server executes each request once: it keeps each caller's replies, keyed by the caller's address, its
 *       incarnation (its clock when it was created: a caller that restarts is a new one, and late datagrams of its
 *       earlier self are ignored) and the call's sequence number, and answers a duplicate from that cache. A request
 *       carries the caller's lowest unanswered sequence number, so the server forgets the replies below it (the
 *       caller's implicit acknowledgement). The cache is memory: a server that crashes forgets it, so a call in
 *       flight across a server's restart may run twice, as in Birrell and Nelson's RPC.</li>
 *   <li>A reply is delivered to its call once; duplicate replies are counted and dropped.</li>
 * </ul>
 *
 * <p>Wire format (all of it is the payload of one datagram): a kind byte (1 request, 2 reply), the caller's
 * incarnation and the call's sequence number (8 bytes each); a request then has the caller's lowest unanswered
 * sequence number (8 bytes); then the body. A node that speaks other protocols too passes every datagram to
 * {@link #receive}, which returns false for datagrams not of this kind.
 *
 * <p>Like a node, it is single-threaded: call it from the node's handlers (or from the thread driving the node).
 */
public final class RequestReply {
    private static final byte REQUEST = 1;
    private static final byte REPLY = 2;
    private static final int REPLY_HEADER = 17;
    private static final int REQUEST_HEADER = 25;

    /** The server's procedure: called once per call; answer through {@code reply}, now or later. */
    @FunctionalInterface
    public interface Service {
        void serve(int caller, byte[] request, Reply reply);
    }

    /** Sends a call's reply (once; later calls are ignored). */
    @FunctionalInterface
    public interface Reply {
        void send(byte[] body);
    }

    private final NodeContext context;
    private final long retransmitNanos;
    private final int attempts;
    private final long incarnation;
    private Service service;
    private long nextSequence = 1;
    private final TreeMap<Long, Call> pending = new TreeMap<>();
    private final Map<Integer, Caller> callers = new HashMap<>();
    private long calls;
    private long retransmissions;
    private long failures;
    private long executions;
    private long duplicateRequests;
    private long duplicateReplies;

    /**
     * @param retransmitNanos how long a caller waits for a reply before sending the request again
     * @param attempts        how many times a request is sent in all before the call fails
     */
    public RequestReply(NodeContext context, long retransmitNanos, int attempts) {
        if (retransmitNanos <= 0 || attempts < 1) {
            throw new IllegalArgumentException("RequestReply needs a retransmission time > 0 and at least 1 attempt");
        }
        this.context = context;
        this.retransmitNanos = retransmitNanos;
        this.attempts = attempts;
        this.incarnation = context.nanos(); // a later instance of the caller (after a restart) has a larger one
    }

    /** Makes this node answer requests with {@code service}. */
    public RequestReply serve(Service service) {
        this.service = service;
        return this;
    }

    /**
     * Calls {@code server}: {@code done} gets the reply's body, or {@code failed} a one-line message once every
     * attempt has gone unanswered. Several calls may be outstanding at once.
     */
    public void call(int server, byte[] request, Consumer<byte[]> done, Consumer<String> failed) {
        long sequence = nextSequence++;
        Call call = new Call(server, sequence, request, done, failed);
        pending.put(sequence, call);
        calls++;
        call.transmit();
        call.retransmission = new Retransmission(context, Retransmission.Backoff.fixed(retransmitNanos, attempts), () -> {
            retransmissions++;
            call.transmit();
        }, () -> {
            pending.remove(sequence);
            failures++;
            failed.accept("no reply from node " + server + " after " + call.sent + " attempts over "
                    + Math.round(call.retransmission.waitedNanos() / 1e6) + " ms; it may have crashed or be unreachable");
        }).start();
    }

    /** Handles a datagram if it is a request or reply of this protocol; false if it is not. */
    public boolean receive(int from, byte[] message) {
        if (message.length < REPLY_HEADER || (message[0] != REQUEST && message[0] != REPLY)) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(message);
        byte kind = in.get();
        long callerIncarnation = in.getLong();
        long sequence = in.getLong();
        if (kind == REPLY) {
            Call call = callerIncarnation == incarnation ? pending.remove(sequence) : null;
            if (call == null) {
                duplicateReplies++; // answered already, or meant for an earlier incarnation of this node
                return true;
            }
            call.retransmission.stop();
            call.done.accept(body(message, REPLY_HEADER));
            return true;
        }
        if (message.length < REQUEST_HEADER) {
            return false;
        }
        long lowestUnanswered = in.getLong();
        if (service == null) {
            throw new IllegalStateException("node " + context.self() + " got a request but serves nothing; call serve() first");
        }
        Caller caller = callers.get(from);
        if (caller != null && callerIncarnation < caller.incarnation) {
            duplicateRequests++; // a late datagram of the caller before it restarted
            return true;
        }
        if (caller == null || caller.incarnation != callerIncarnation) {
            caller = new Caller(callerIncarnation);
            callers.put(from, caller);
        }
        if (lowestUnanswered > caller.answeredBelow) {
            caller.answeredBelow = lowestUnanswered;
            caller.replies.headMap(lowestUnanswered).clear(); // the caller has these replies: forget them
        }
        if (sequence < caller.answeredBelow || caller.replies.containsKey(sequence)) {
            duplicateRequests++;
            byte[] cached = caller.replies.get(sequence);
            if (cached != null) {
                context.send(from, cached); // the reply was lost: send it again, do not execute again
            }
            return true; // a null entry: still executing; the reply goes out when it is done
        }
        caller.replies.put(sequence, null);
        executions++;
        Caller owner = caller;
        boolean[] replied = {false};
        service.serve(from, body(message, REQUEST_HEADER), reply -> {
            if (replied[0]) {
                return;
            }
            replied[0] = true;
            byte[] encoded = ByteBuffer.allocate(REPLY_HEADER + reply.length).put(REPLY).putLong(callerIncarnation)
                    .putLong(sequence).put(reply).array();
            if (owner.replies.containsKey(sequence)) {
                owner.replies.put(sequence, encoded);
            }
            context.send(from, encoded);
        });
        return true;
    }

    private static byte[] body(byte[] message, int header) {
        byte[] body = new byte[message.length - header];
        System.arraycopy(message, header, body, 0, body.length);
        return body;
    }

    /** Calls made by this node. */
    public long calls() {
        return calls;
    }

    /** Requests sent again because no reply came in time. */
    public long retransmissions() {
        return retransmissions;
    }

    /** Calls that failed after every attempt. */
    public long failures() {
        return failures;
    }

    /** Requests this node's service executed (each call at most once). */
    public long executions() {
        return executions;
    }

    /** Requests that arrived again and were answered from the reply cache (or ignored while executing). */
    public long duplicateRequests() {
        return duplicateRequests;
    }

    /** Replies that arrived for a call already answered. */
    public long duplicateReplies() {
        return duplicateReplies;
    }

    /** Calls still waiting for their reply. */
    public int outstanding() {
        return pending.size();
    }

    private final class Call {
        final int server;
        final long sequence;
        final byte[] request;
        final Consumer<byte[]> done;
        final Consumer<String> failed;
        int sent;
        Retransmission retransmission;

        Call(int server, long sequence, byte[] request, Consumer<byte[]> done, Consumer<String> failed) {
            this.server = server;
            this.sequence = sequence;
            this.request = request;
            this.done = done;
            this.failed = failed;
        }

        void transmit() {
            long lowestUnanswered = pending.firstKey();
            byte[] encoded = ByteBuffer.allocate(REQUEST_HEADER + request.length).put(REQUEST).putLong(incarnation)
                    .putLong(sequence).putLong(lowestUnanswered).put(request).array();
            sent++;
            context.send(server, encoded);
        }
    }

    private static final class Caller {
        final long incarnation;
        /** The caller has the replies of every call below this sequence number. */
        long answeredBelow;
        /** Sequence number to its encoded reply; null while the call executes. */
        final TreeMap<Long, byte[]> replies = new TreeMap<>();

        Caller(long incarnation) {
            this.incarnation = incarnation;
        }
    }
}
