package org.asfast.amoeba;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;
import org.asfast.systems.Charges;
import org.asfast.systems.Outcome;

/**
 * The machines of Douglis et al.'s process measurements (§3.4) and what they ask each other: the processor the
 * benchmark runs on, a pool processor, a dedicated machine with the run and session servers (separate processes in
 * Amoeba; no measurement here asks both at once, so they share one CPU), and the file service's Bullet and directory
 * servers ({@link BulletServer}, {@link DirectoryServer}), each on a machine of its own as in the file measurements. A request's
 * first word names its operation, the next its arguments; the rest pads it to the size Amoeba would send.
 */
final class AmoebaPool {
    static final int CALLER = 0, POOL_PROCESSOR = 1, SERVERS = 2, BULLET = 3, DIRECTORY = 4;
    /** The small program's name in the directory server. */
    static final String PROGRAM = "exec";

    static final int RUN_GET_EXEC_CAP = 3, RUN_FINDHOST = 4, SESSION_FORK = 5;
    static final int PRO_EXEC = 10, SEG_READ = 11, SEG_CREATE = 12, SETCOMMENT = 13, CHECKPOINT = 14, STUN = 15, RESUME = 16, PRO_EXEC_FORKED = 17;

    private final AmoebaKernel kernel;
    private final AmoebaKernel.Service here;
    private NodeContext node;

    /** Transactions of {@code kernel}'s processes; those addressed to this processor are served by {@code here}. */
    AmoebaPool(AmoebaKernel kernel, AmoebaKernel.Service here) {
        this.kernel = kernel;
        this.here = here;
    }

    void start(NodeContext context) {
        node = context;
        kernel.start(context);
    }

    NodeContext node() {
        return node;
    }

    double parameter(String name) {
        return node.parameter(name);
    }

    /** A message of {@code bytes} (at least its words) that begins with {@code words}. */
    static byte[] words(int bytes, int... words) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(bytes, 4 * words.length));
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }

    static int word(byte[] message, int index) {
        return ByteBuffer.wrap(message).getInt(4 * index);
    }

    /** A request of {@code bytes} for operation {@code op}. */
    static byte[] request(int bytes, int op, int... args) {
        int[] all = new int[args.length + 1];
        all[0] = op;
        System.arraycopy(args, 0, all, 1, args.length);
        return words(bytes, all);
    }

    static int op(byte[] request) {
        return word(request, 0);
    }

    static int arg(byte[] request, int index) {
        return word(request, index + 1);
    }

    /**
     * A transaction from one of this processor's threads ({@code user}: a process's, which traps for it) to a server
     * on processor {@code to}; {@code then} gets the reply. To this processor it goes without the network, as the
     * kernel hands a request to a local server thread (Table 3's context switch is such a null transaction).
     */
    void trans(int to, byte[] request, boolean user, Consumer<byte[]> then, Consumer<String> failed) {
        if (to == node.self()) {
            Charges.trap(node);
            node.work(Work.DATA_TRANSFER, node.parameter("trans_instructions"));
            Charges.contextSwitch(node, node.parameter("thread_switch_instructions"));
            here.serve(to, request, reply -> {
                Charges.trap(node); // putrep
                node.work(Work.REPLY, node.parameter("getreq_putrep_instructions"));
                Charges.trap(node); // the server thread's next getreq
                Charges.contextSwitch(node, node.parameter("thread_switch_instructions"));
                then.accept(reply);
            });
            return;
        }
        Outcome o = new Outcome();
        o.whenOver(() -> {
            if (o.succeeded()) {
                then.accept(kernel.reply());
            } else {
                failed.accept(o.error());
            }
        });
        kernel.trans(to, request, user, o);
    }

    /** Reads {@code bytes} of a segment from {@code from} (Bullet or a kernel's segment server) in as many transactions as it takes. */
    void readSegment(int from, int op, int bytes, boolean user, Runnable then, Consumer<String> failed) {
        int chunk = Math.min(bytes, kernel.maxMessage());
        if (bytes <= 0) {
            then.run();
            return;
        }
        trans(from, request(16, op, chunk), user, reply -> readSegment(from, op, bytes - chunk, user, then, failed), failed);
    }

    /**
     * Reads {@code bytes} at {@code offset} of the Bullet file {@code capability} (number, check) in transactions of
     * at most {@code bullet_transfer_bytes}, as b_read does.
     */
    void readFile(long[] capability, long offset, int bytes, boolean user, Runnable then, Consumer<String> failed) {
        if (bytes <= 0) {
            then.run();
            return;
        }
        int chunk = (int) Math.min(bytes, parameter("bullet_transfer_bytes"));
        byte[] read = ByteBuffer.allocate(25).put(BulletServer.READ).putInt((int) capability[0]).putLong(capability[1]).putLong(offset).putInt(chunk).array();
        trans(BULLET, read, user, reply -> {
            if (reply[0] != BulletServer.OK || reply.length - 1 < chunk) {
                failed.accept("the Bullet server has no " + bytes + " bytes at " + offset + " of the program's file");
                return;
            }
            readFile(capability, offset + chunk, bytes - chunk, user, then, failed);
        }, failed);
    }

    /** Writes {@code bytes} into a new segment at {@code to} in as many transactions as it takes. */
    void writeSegment(int to, int bytes, boolean user, Runnable then, Consumer<String> failed) {
        int chunk = Math.min(bytes, kernel.maxMessage());
        if (bytes <= 0) {
            then.run();
            return;
        }
        trans(to, request(chunk, SEG_CREATE, chunk), user, reply -> writeSegment(to, bytes - chunk, user, then, failed), failed);
    }

    /** The program's file on the Bullet server: its process descriptor, then its text and initialized data. */
    int programFileBytes() {
        return (int) (parameter("pd_bytes") + parameter("program_text_bytes") + parameter("program_data_bytes"));
    }

    /** The program's segments: text, then initialized data with its zeroed bss, then the stack. */
    int[] programSegments() {
        return new int[] {(int) parameter("program_text_bytes"), (int) (parameter("program_data_bytes") + parameter("program_bss_bytes")),
                (int) parameter("stack_bytes")};
    }
}
