package org.asfast.amoeba;

import static org.asfast.amoeba.AmoebaPool.POOL_PROCESSOR;
import static org.asfast.amoeba.AmoebaPool.PRO_EXEC_FORKED;
import static org.asfast.amoeba.AmoebaPool.RESUME;
import static org.asfast.amoeba.AmoebaPool.SEG_READ;
import static org.asfast.amoeba.AmoebaPool.STUN;
import static org.asfast.amoeba.AmoebaPool.arg;
import static org.asfast.amoeba.AmoebaPool.op;
import static org.asfast.amoeba.AmoebaPool.request;

import java.util.function.Consumer;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;

/**
 * Amoeba's dedicated server machine as program invocation and fork use it: the run server (a pool processor for a
 * process descriptor, or a named processor's exec capability) and the session server (a UNIX fork emulated from user
 * level). The program's file is the file service's: its name in the {@link DirectoryServer}, its bytes on the
 * {@link BulletServer}.
 */
public final class AmoebaServers implements Node {
    private final AmoebaKernel kernel = new AmoebaKernel(this::serve);
    private final AmoebaPool pool = new AmoebaPool(kernel, this::serve);
    /** The pool processors the run server keeps the load of. */
    private final int[] poolProcessors = {POOL_PROCESSOR};

    @Override
    public void start(NodeContext context) {
        pool.start(context);
    }

    @Override
    public void receive(int from, byte[] message) {
        kernel.receive(from, message);
    }

    private void serve(int client, byte[] request, Consumer<byte[]> reply) {
        NodeContext node = pool.node();
        int capability = (int) pool.parameter("capability_bytes");
        switch (op(request)) {
            case AmoebaPool.RUN_GET_EXEC_CAP -> {
                node.work(Work.PROCEDURE, pool.parameter("run_host_instructions"));
                reply.accept(AmoebaPool.words(capability + 16, arg(request, 0)));
            }
            case AmoebaPool.RUN_FINDHOST -> { // the best of the pool by the load it polled last
                node.work(Work.PROCEDURE, pool.parameter("run_host_instructions") * poolProcessors.length);
                reply.accept(AmoebaPool.words(capability + 16, poolProcessors[0]));
            }
            case AmoebaPool.SESSION_FORK -> fork(arg(request, 0), reply);
            default -> throw new IllegalStateException("Amoeba's server machine got operation " + op(request));
        }
    }

    /**
     * The session server's fork: it stuns the process (its descriptor comes back), reads each of its segments from
     * the process's kernel and makes a copy of it there, starts the copy from the copied segments, and lets the
     * process go on. Every byte crosses the network twice, through the server's buffers.
     */
    private void fork(int processor, Consumer<byte[]> reply) {
        pool.node().work(Work.PROCEDURE, pool.parameter("session_fork_instructions"));
        Consumer<String> failed = reason -> reply.accept(request(8, 1));
        int[] segments = pool.programSegments();
        pool.trans(processor, request(16, STUN), true, descriptor -> copy(processor, segments, 0, () -> pool.trans(processor,
                request((int) pool.parameter("pd_bytes"), PRO_EXEC_FORKED, processor), true,
                started -> pool.trans(processor, request(16, RESUME), true, resumed -> reply.accept(new byte[8]), failed), failed), failed), failed);
    }

    private void copy(int processor, int[] segments, int index, Runnable then, Consumer<String> failed) {
        if (index == segments.length) {
            then.run();
            return;
        }
        pool.readSegment(processor, SEG_READ, segments[index], true,
                () -> pool.writeSegment(processor, segments[index], true, () -> copy(processor, segments, index + 1, then, failed), failed), failed);
    }
}
