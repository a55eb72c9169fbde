package org.asfast.amoeba;

import static org.asfast.amoeba.AmoebaPool.CHECKPOINT;
import static org.asfast.amoeba.AmoebaPool.POOL_PROCESSOR;
import static org.asfast.amoeba.AmoebaPool.PRO_EXEC;
import static org.asfast.amoeba.AmoebaPool.RESUME;
import static org.asfast.amoeba.AmoebaPool.SEG_CREATE;
import static org.asfast.amoeba.AmoebaPool.SEG_READ;
import static org.asfast.amoeba.AmoebaPool.SERVERS;
import static org.asfast.amoeba.AmoebaPool.SETCOMMENT;
import static org.asfast.amoeba.AmoebaPool.STUN;
import static org.asfast.amoeba.AmoebaPool.arg;
import static org.asfast.amoeba.AmoebaPool.op;
import static org.asfast.amoeba.AmoebaPool.request;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;
import org.asfast.spi.RemoteExecution.Site;
import org.asfast.systems.Charges;
import org.asfast.systems.Outcome;

/**
 * An Amoeba processor: its kernel with the kernel's process server, and the benchmark's process when it runs here.
 *
 * <p>The process runs a program with exec_file (Amoeba's lib/libam exec_file.c): it looks the program's name up in
 * the directory server, reads the process descriptor at the head of the binary from the Bullet server (the file
 * service's own servers, {@link DirectoryServer} and {@link BulletServer}), asks the run
 * server for the processor (for one it names, its exec capability; for none, the best one of the pool), builds the
 * new process's stack in a segment of its own, and sends the descriptor to that processor's process server
 * (pro_exec), then names the process (pro_setcomment) and waits for its owner's checkpoint when it exits. The
 * process server reads the text and data segments from the Bullet server, zeroes the bss, fetches the stack segment
 * from the processor that built it (over the network unless it is this one), and starts the process's thread.
 *
 * <p>A UNIX fork goes to the session server, which stuns the process, copies its segments from user level and
 * starts the copy (Douglis et al. §3.4); the copy's owner is the forking process, here.
 */
public final class AmoebaProcessor implements Node {
    private final AmoebaKernel kernel = new AmoebaKernel(this::serve);
    private final AmoebaPool pool = new AmoebaPool(kernel, this::serve);
    /** The benchmark process's call in progress, or null. */
    private Outcome waiting;
    private boolean childExited;
    private boolean parentWaits;

    @Override
    public void start(NodeContext context) {
        pool.start(context);
    }

    @Override
    public void receive(int from, byte[] message) {
        kernel.receive(from, message);
    }

    /** Transactions this processor's kernel sent again. */
    public long retransmissions() {
        return kernel.retransmissions();
    }

    // ---- the benchmark's process on this processor

    /**
     * Installs the small program as a binary is installed: its file (process descriptor, text, data) created and
     * committed on the Bullet server, in as many transactions as b_create takes, and its name entered in the directory.
     */
    public void install(Outcome outcome) {
        createProgram(new byte[pool.programFileBytes()], 0, null, capability -> {
            byte[] name = AmoebaPool.PROGRAM.getBytes(StandardCharsets.UTF_8);
            byte[] enter = ByteBuffer.allocate(13 + name.length).put(DirectoryServer.ENTER).putInt((int) capability[0]).putLong(capability[1]).put(name).array();
            pool.trans(AmoebaPool.DIRECTORY, enter, true, entered -> {
                if (entered[0] == DirectoryServer.OK) {
                    outcome.succeed(pool.node().nanos());
                } else {
                    outcome.fail("the directory server would not enter the program's name (" + entered[0] + ")");
                }
            }, outcome::fail);
        }, outcome::fail);
    }

    private void createProgram(byte[] image, int sent, long[] capability, Consumer<long[]> then, Consumer<String> failed) {
        int n = (int) Math.min(pool.parameter("bullet_transfer_bytes"), image.length - sent);
        boolean last = sent + n == image.length;
        ByteBuffer request = capability == null ? ByteBuffer.allocate(2 + n).put(BulletServer.CREATE).put((byte) (last ? 1 : 0))
                : ByteBuffer.allocate(14 + n).put(BulletServer.APPEND).putInt((int) capability[0]).putLong(capability[1]).put((byte) (last ? 1 : 0));
        request.put(image, sent, n);
        pool.trans(AmoebaPool.BULLET, request.array(), true, reply -> {
            if (reply[0] != BulletServer.OK) {
                failed.accept("the Bullet server refused the program's file (" + reply[0] + ")");
                return;
            }
            ByteBuffer made = ByteBuffer.wrap(reply, 1, 12);
            long[] file = {made.getInt(), made.getLong()};
            if (last) {
                then.accept(file);
            } else {
                createProgram(image, sent + n, file, then, failed);
            }
        }, failed);
    }

    /**
     * exec_file of the small program at {@code site}, then waits for it to exit; {@code outcome} says when. The name is
     * looked up in the directory server and the process descriptor read from the head of the file on the Bullet server.
     */
    public void invoke(Site site, Outcome outcome) {
        begin(outcome);
        byte[] name = AmoebaPool.PROGRAM.getBytes(StandardCharsets.UTF_8);
        pool.trans(AmoebaPool.DIRECTORY, ByteBuffer.allocate(1 + name.length).put(DirectoryServer.LOOKUP).put(name).array(), true, entry -> {
            if (entry[0] != DirectoryServer.OK || entry[1] != DirectoryServer.FILE) {
                outcome.fail("the directory server has no program '" + AmoebaPool.PROGRAM + "' (" + entry[0] + ")");
                return;
            }
            ByteBuffer found = ByteBuffer.wrap(entry, 2, 12);
            long[] program = {found.getInt(), found.getLong()};
            pool.readFile(program, 0, (int) pool.parameter("pd_bytes"), true, () -> findProcessor(site, program), outcome::fail);
        }, outcome::fail);
    }

    /** With a processor named, the run server gives its exec capability; without, it picks the best of the pool. */
    private void findProcessor(Site site, long[] program) {
        int self = pool.node().self();
        byte[] ask = site == Site.REMOTE_UNSPECIFIED ? request((int) pool.parameter("pd_bytes"), AmoebaPool.RUN_FINDHOST)
                : request((int) pool.parameter("capability_bytes"), AmoebaPool.RUN_GET_EXEC_CAP, site == Site.LOCAL ? self : POOL_PROCESSOR);
        pool.trans(SERVERS, ask, true, host -> execute(AmoebaPool.word(host, 0), program), waiting::fail);
    }

    private void execute(int processor, long[] program) {
        buildStack();
        // the descriptor names the segments' file by its capability, which the process server reads them from
        byte[] exec = request((int) pool.parameter("pd_bytes"), PRO_EXEC, pool.node().self(), (int) program[0], (int) (program[1] >>> 32), (int) program[1]);
        pool.trans(processor, exec, true, started -> {
            if (op(started) != 0) {
                waiting.fail("pro_exec on processor " + processor + ": the new process could not be made");
                return;
            }
            pool.trans(processor, request(32, SETCOMMENT), true, named -> parentWaits(), waiting::fail);
        }, waiting::fail);
    }

    /** A UNIX fork through the session server; the copy exits at once and this process waits for it. */
    public void forkAndWait(Outcome outcome) {
        begin(outcome);
        pool.trans(SERVERS, request(32, AmoebaPool.SESSION_FORK, pool.node().self()), true, forked -> {
            if (op(forked) != 0) {
                outcome.fail("the session server could not copy the process");
            } else {
                parentWaits();
            }
        }, outcome::fail);
    }

    private void begin(Outcome outcome) {
        if (waiting != null && !waiting.over()) {
            throw new IllegalStateException("the benchmark's process is still waiting for its last call");
        }
        waiting = outcome;
        childExited = false;
        parentWaits = false;
    }

    /** addstack: a fresh segment mapped (a kernel call, the kernel zeroes it), the arguments pushed, and unmapped to get its capability. */
    private void buildStack() {
        NodeContext node = pool.node();
        Charges.trap(node);
        Charges.copy(node, Work.KERNEL_CALL, pool.parameter("stack_bytes"));
        Charges.trap(node);
    }

    /** The process waits for its child's checkpoint, in getreq on its owner port. */
    private void parentWaits() {
        parentWaits = true;
        if (childExited) {
            done();
        }
    }

    private void done() {
        Charges.contextSwitch(pool.node(), pool.parameter("thread_switch_instructions")); // the waiting thread runs again
        waiting.succeed(pool.node().nanos());
    }

    // ---- the kernel's servers

    private void serve(int client, byte[] request, Consumer<byte[]> reply) {
        NodeContext node = pool.node();
        switch (op(request)) {
            case PRO_EXEC -> startProcess(client, arg(request, 0),
                    new long[] {arg(request, 1), (long) arg(request, 2) << 32 | arg(request, 3) & 0xffffffffL}, reply);
            case SEG_READ -> { // the segment goes out from where it lies in memory
                node.work(Work.PROCEDURE, pool.parameter("segment_request_instructions"));
                reply.accept(new byte[arg(request, 0)]);
            }
            case SEG_CREATE -> { // the segment is made in memory the request's data arrived in
                node.work(Work.PROCEDURE, pool.parameter("segment_request_instructions"));
                reply.accept(new byte[8]);
            }
            case STUN -> { // the process stops; its descriptor goes to the one who stunned it
                node.work(Work.PROCEDURE, pool.parameter("segment_request_instructions"));
                reply.accept(new byte[(int) pool.parameter("pd_bytes")]);
            }
            case RESUME, SETCOMMENT -> {
                node.work(Work.PROCEDURE, pool.parameter("segment_request_instructions"));
                reply.accept(new byte[8]);
            }
            case AmoebaPool.PRO_EXEC_FORKED -> startProcess(client, arg(request, 0), null, reply);
            case CHECKPOINT -> {
                node.work(Work.PROCEDURE, pool.parameter("segment_request_instructions"));
                reply.accept(new byte[8]);
                childExited = true;
                if (parentWaits && waiting != null && !waiting.over()) {
                    done();
                }
            }
            default -> throw new IllegalStateException("an Amoeba processor got operation " + op(request));
        }
    }

    /**
     * pro_exec: the process server makes the process from its descriptor. A new program's text and data come from
     * its file on the Bullet server ({@code program}: number and check) and its stack from the processor that built
     * it; a forked copy's segments ({@code program} null) are already here. The process's thread starts, the program
     * exits at once, and its owner gets the checkpoint.
     */
    private void startProcess(int client, int owner, long[] program, Consumer<byte[]> reply) {
        NodeContext node = pool.node();
        node.work(Work.PROCEDURE, pool.parameter("process_create_instructions"));
        int[] segments = pool.programSegments();
        Consumer<String> failed = reason -> reply.accept(request(8, 1)); // the creator is told it failed
        Runnable thread = () -> {
            node.work(Work.KERNEL_CALL, pool.parameter("thread_create_instructions"));
            Charges.copy(node, Work.KERNEL_CALL, pool.parameter("thread_stack_kb") * 1024);
            reply.accept(new byte[8]);
            Charges.contextSwitch(node, pool.parameter("thread_switch_instructions")); // the program runs
            Charges.trap(node); // and exits
            node.work(Work.PROCEDURE, pool.parameter("process_exit_instructions"));
            pool.trans(owner, request((int) pool.parameter("pd_bytes"), CHECKPOINT), false, answered -> {
            }, reason -> {
            });
        };
        if (program == null) {
            thread.run();
            return;
        }
        int descriptor = (int) pool.parameter("pd_bytes");
        pool.readFile(program, descriptor, segments[0], false,
                () -> pool.readFile(program, descriptor + segments[0], (int) pool.parameter("program_data_bytes"), false, () -> {
                    Charges.copy(node, Work.PROCEDURE, pool.parameter("program_bss_bytes")); // zeroed
                    if (owner == node.self()) {
                        Charges.copy(node, Work.PROCEDURE, segments[2]); // the stack segment, from memory here
                        thread.run();
                    } else {
                        pool.readSegment(owner, SEG_READ, segments[2], false, thread, failed);
                    }
                }, failed), failed);
    }
}
