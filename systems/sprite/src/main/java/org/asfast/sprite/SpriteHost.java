package org.asfast.sprite;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;
import org.asfast.spi.RemoteExecution.Site;
import org.asfast.systems.Charges;
import org.asfast.systems.Outcome;

/**
 * A Sprite workstation's kernel with its processes (Douglis et al. §3.4): the benchmark's home machine, or an idle
 * host its programs migrate to. Program invocation is fork and exec; exec opens the program on the file server
 * ({@link SpriteFileServer}, through its remote procedures), reads its pages unless this machine holds that version
 * of them, and closes it when the program is gone. An exec to another host (Sprite's proc/procExec.c and procMigrate.c) first
 * looks at the program at home, then moves the process: the target is asked to take it (PROC_MIGRATE_CMD_INIT),
 * gets its encapsulated state (PROC_MIGRATE_CMD_ENTIRE), during which it tells each open stream's I/O server of the
 * move, and is told to resume it. There the exec finishes against the file server, and the calls that are not
 * location-transparent go home through the kernel's generic stub: the exec's notice, the streams' closes, the exit
 * (procRemote.c), and gettimeofday. With no host named, the global migration daemon gives one and takes it back
 * (the Mig library's Mig_GetIdleNode and Mig_Done), two pseudo-device requests.
 */
public final class SpriteHost implements Node {
    static final int HOME = 0, IDLE_HOST = 1, FILE_SERVER = 2;
    static final int MIG_INIT = 10, MIG_ENTIRE = 11, MIG_RESUME = 12, STREAM_MIGRATE = 13, STREAM_CLOSE = 14,
            REMOTE_EXEC = 15, REMOTE_EXIT = 16, REMOTE_CALL = 17;
    /** The small program's name on the file server. */
    static final String PROGRAM = "exec";

    private final SpriteKernel kernel = new SpriteKernel(this::serve);
    private NodeContext node;
    /** The benchmark's call in progress on this machine, or null. */
    private Outcome waiting;
    /** The version of the program whose pages this machine holds (its file cache and sticky code segment); -1 for none. */
    private long cachedVersion = -1;

    @Override
    public void start(NodeContext context) {
        node = context;
        kernel.start(context);
    }

    @Override
    public void receive(int from, byte[] message) {
        kernel.receive(from, message);
    }

    // ---- the benchmark's processes

    /** fork: the shared fork's path and, as the heap is not shared, each of its resident pages made copy-on-write. */
    public void forkAndWait(Outcome outcome) {
        fork();
        outcome.succeed(node.nanos());
    }

    private void fork() {
        kernel.sharedFork(new Outcome());
        double heap = p("program_data_bytes") + p("program_bss_bytes");
        node.work(Work.KERNEL_CALL, Math.ceil(heap / p("page_bytes")) * p("cow_page_instructions"));
    }

    /** fork and exec of the small program at {@code site}; the parent waits for it to exit. */
    public void invoke(Site site, Outcome outcome) {
        waiting = outcome;
        Consumer<String> failed = outcome::fail;
        switch (site) {
            case LOCAL -> {
                fork();
                exec(() -> {
                    Charges.contextSwitch(node, p("switch_instructions")); // the parent's wait returns
                    outcome.succeed(node.nanos());
                }, failed);
            }
            case REMOTE_SPECIFIED -> migrate(failed);
            case REMOTE_UNSPECIFIED -> migd(() -> migrate(failed), failed);
        }
    }

    /** Asks the global migration daemon for an idle host (Mig_GetIdleNode); at the end, gives it back (Mig_Done). */
    private void migd(Runnable then, Consumer<String> failed) {
        Outcome asked = new Outcome();
        asked.whenOver(() -> {
            if (asked.succeeded()) {
                Outcome previous = waiting;
                Outcome exited = new Outcome();
                waiting = exited;
                exited.whenOver(() -> {
                    if (!exited.succeeded()) {
                        previous.fail(exited.error());
                        return;
                    }
                    Outcome returned = new Outcome();
                    returned.whenOver(() -> {
                        if (returned.succeeded()) {
                            previous.succeed(node.nanos());
                        } else {
                            previous.fail(returned.error());
                        }
                    });
                    kernel.pseudoDevice(FILE_SERVER, (int) p("migd_request_bytes"), (int) p("migd_request_bytes"), returned);
                });
                then.run();
            } else {
                failed.accept(asked.error());
            }
        });
        kernel.pseudoDevice(FILE_SERVER, (int) p("migd_request_bytes"), (int) p("migd_request_bytes"), asked);
    }

    /** An exec naming the idle host: the program is looked at here, then the process moves there and resumes. */
    private void migrate(Consumer<String> failed) {
        Consumer<String> fail = reason -> waiting.fail(reason);
        fork();
        open(opened -> close(opened, () -> {
            node.work(Work.PROCEDURE, p("migration_encap_instructions"));
            call(IDLE_HOST, MIG_INIT, 64, willing -> call(IDLE_HOST, MIG_ENTIRE, (int) p("migration_state_bytes"),
                    received -> call(IDLE_HOST, MIG_RESUME, 64, resumed -> {
                    }, fail), fail), fail);
        }, fail), fail);
    }

    /** exec here: open the program on the file server (its pages read unless this machine holds them), the exec and the program's run and exit, and its close. */
    private void exec(Runnable then, Consumer<String> failed) {
        open(opened -> pages(opened, () -> {
            node.work(Work.KERNEL_CALL, p("exec_exit_instructions"));
            close(opened, then, failed);
        }, failed), failed);
    }

    // ---- the program's file, through Sprite's file system (SpriteFileServer's remote procedures)

    /**
     * Installs the small program on the file server: created, its text and initialized data written through a block
     * at a time, and closed (the server writes it to disk when it is 30 seconds old).
     */
    public void install(Outcome outcome) {
        int bytes = (int) (p("program_text_bytes") + p("program_data_bytes"));
        fs(SpriteFs.request(SpriteFs.OPEN, kernel.booted(FILE_SERVER)).putInt(SpriteFs.WRITING | SpriteFs.CREATING).putString(PROGRAM), created -> {
            int id = created.getInt();
            writeBlocks(id, 0, bytes, () -> fs(SpriteFs.request(SpriteFs.CLOSE, kernel.booted(FILE_SERVER)).putInt(id).putInt(SpriteFs.WRITING).putLong(-1),
                    closed -> outcome.succeed(node.nanos()), outcome::fail), outcome::fail);
        }, outcome::fail);
    }

    private void writeBlocks(int id, int block, int bytes, Runnable then, Consumer<String> failed) {
        int piece = Math.min(SpriteFs.BLOCK, bytes - block * SpriteFs.BLOCK);
        if (piece <= 0) {
            then.run();
            return;
        }
        fs(SpriteFs.request(SpriteFs.WRITE, kernel.booted(FILE_SERVER)).putInt(id).putInt(block).putInt(0).putLong(0).putBytes(new byte[piece], 0, piece),
                written -> writeBlocks(id, block + 1, bytes, then, failed), failed);
    }

    /** The program's open for execution: the name looked up on the server; the answer carries the file's id, version and size. */
    private void open(Consumer<long[]> then, Consumer<String> failed) {
        fs(SpriteFs.request(SpriteFs.OPEN, kernel.booted(FILE_SERVER)).putInt(SpriteFs.READING).putString(PROGRAM), in -> {
            int id = in.getInt();
            long version = in.getLong();
            in.getLong(); // the version before a write-open; this open reads
            then.accept(new long[] {id, version, in.getLong()});
        }, failed);
    }

    private void close(long[] opened, Runnable then, Consumer<String> failed) {
        fs(SpriteFs.request(SpriteFs.CLOSE, kernel.booted(FILE_SERVER)).putInt((int) opened[0]).putInt(SpriteFs.READING).putLong(-1), in -> then.run(), failed);
    }

    /**
     * The program's pages: kept from its last run when the version the open gave is the one this machine holds (Sprite's
     * file cache and sticky code segments), otherwise read from the server a block at a time.
     */
    private void pages(long[] opened, Runnable then, Consumer<String> failed) {
        if (opened[1] == cachedVersion) {
            then.run();
            return;
        }
        readBlocks((int) opened[0], 0, (int) Math.ceilDiv(opened[2], SpriteFs.BLOCK), () -> {
            cachedVersion = opened[1];
            then.run();
        }, failed);
    }

    private void readBlocks(int id, int block, int blocks, Runnable then, Consumer<String> failed) {
        if (block == blocks) {
            then.run();
            return;
        }
        fs(SpriteFs.request(SpriteFs.READ, kernel.booted(FILE_SERVER)).putInt(id).putInt(block), in -> {
            Charges.copy(node, Work.DATA_TRANSFER, in.rest().length); // into the cache's page
            readBlocks(id, block + 1, blocks, then, failed);
        }, failed);
    }

    /** One of the file system's remote procedures on the file server, answered OK, or failed in one line. */
    private void fs(SpriteFs.Out request, Consumer<SpriteFs.In> then, Consumer<String> failed) {
        kernel.call(FILE_SERVER, request.bytes(), reply -> {
            SpriteFs.In in = new SpriteFs.In(reply);
            int status = in.getInt();
            if (status == SpriteFs.OK) {
                then.accept(in);
            } else {
                failed.accept(SpriteFs.describe(status, PROGRAM));
            }
        }, failed);
    }

    /** gettimeofday by a process here whose home is the machine {@code home}: from this kernel when that is this machine, otherwise forwarded home. */
    public void gettimeofday(int home, Outcome outcome) {
        Charges.trap(node);
        if (home == node.self()) {
            timeOfDay();
            copyOut();
            outcome.succeed(node.nanos());
            return;
        }
        node.work(Work.KERNEL_CALL, p("remote_call_instructions")); // Proc_DoRemoteCall marshals the call
        call(home, REMOTE_CALL, (int) p("remote_call_bytes"), time -> {
            copyOut();
            outcome.succeed(node.nanos());
        }, outcome::fail);
    }

    /** Timer_GetRealTimeOfDay: the clock chip's counters, converted. */
    private void timeOfDay() {
        node.work(Work.PROCEDURE, p("time_of_day_instructions"));
    }

    /** The time and the time zone copied out to the caller's pages, each page checked first. */
    private void copyOut() {
        for (int i = 0; i < 2; i++) {
            Charges.copy(node, Work.DATA_TRANSFER, 8);
            node.work(Work.DATA_TRANSFER, p("page_check_instructions"));
        }
    }

    // ---- the kernel's procedures

    private void serve(int from, byte[] request, Consumer<byte[]> reply) {
        int op = ByteBuffer.wrap(request).getInt(0);
        switch (op) {
            case SpriteFs.RECALL -> reply.accept(SpriteFs.reply(SpriteFs.OK).bytes()); // the program was written through: no dirty blocks here
            case MIG_INIT -> reply.accept(new byte[64]);
            case MIG_ENTIRE -> { // deencapsulate, telling each stream's I/O server (the home, for the terminal) of the move
                node.work(Work.PROCEDURE, p("migration_encap_instructions"));
                streams(from, STREAM_MIGRATE, (int) p("open_streams"), () -> reply.accept(new byte[64]), reason -> reply.accept(new byte[64]));
            }
            case MIG_RESUME -> {
                reply.accept(new byte[64]);
                runMigrated(from);
            }
            case STREAM_MIGRATE, STREAM_CLOSE -> {
                node.work(Work.PROCEDURE, p("stream_instructions"));
                reply.accept(new byte[64]);
            }
            case REMOTE_EXEC -> {
                node.work(Work.PROCEDURE, p("remote_call_instructions"));
                reply.accept(new byte[64]);
            }
            case REMOTE_EXIT -> {
                node.work(Work.PROCEDURE, p("remote_call_instructions"));
                reply.accept(new byte[64]);
                Charges.contextSwitch(node, p("switch_instructions")); // the parent's wait returns
                if (waiting != null) {
                    waiting.succeed(node.nanos());
                }
            }
            case REMOTE_CALL -> { // Proc_RpcRemoteCall: the call made here, for the process's home
                node.work(Work.PROCEDURE, p("remote_call_instructions"));
                timeOfDay();
                reply.accept(new byte[16]);
            }
            default -> throw new IllegalStateException("a Sprite host got operation " + op);
        }
    }

    /** The migrated process here: its exec finishes, its home hears of it, it exits and closes its streams at home. */
    private void runMigrated(int home) {
        Consumer<String> lost = reason -> {
            // the home is gone; Sprite kills a process whose home is down
        };
        open(opened -> pages(opened, () -> {
            node.work(Work.KERNEL_CALL, p("exec_exit_instructions"));
            call(home, REMOTE_EXEC, (int) p("remote_call_bytes"), told -> close(opened,
                    () -> streams(home, STREAM_CLOSE, (int) p("open_streams"), () -> call(home, REMOTE_EXIT, (int) p("remote_call_bytes"), exited -> {
                    }, lost), lost), lost), lost);
        }, lost), lost);
    }

    private void streams(int server, int op, int left, Runnable then, Consumer<String> failed) {
        if (left == 0) {
            then.run();
            return;
        }
        call(server, op, 64, done -> streams(server, op, left - 1, then, failed), failed);
    }

    private void call(int to, int op, int bytes, Consumer<byte[]> then, Consumer<String> failed) {
        kernel.call(to, ByteBuffer.allocate(Math.max(4, bytes)).putInt(op).array(), then, failed);
    }

    private double p(String name) {
        return node.parameter(name);
    }
}
