package org.asfast.xfs;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;
import org.asfast.systems.Charges;

/**
 * A file service's client node: its users' operations run one at a time, in the order they were asked, each entering
 * through the kernel's vnode layer; a read ends by copying the bytes out to the user.
 */
abstract class ClientNode extends XfsNode implements FileClient {
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean busy;

    @Override
    public NodeContext context() {
        return context;
    }

    /** Runs {@code operation} now if none is in progress, else after those asked before it. */
    void submit(Runnable operation) {
        queue.add(operation);
        if (!busy) {
            next();
        }
    }

    /** The operation in progress is over: start the next one asked. */
    void next() {
        Runnable op = queue.poll();
        busy = op != null;
        if (op != null) {
            op.run();
        }
    }

    /** A user's read or write passes the kernel's vnode layer and comes back up. */
    void vnode() {
        context.work(Work.KERNEL_CALL, context.parameter("vnode_read_instructions"));
    }

    /** A read is over: the first {@code bytes} of {@code block} are copied out to the user. */
    void complete(byte[] block, int bytes, Consumer<byte[]> done) {
        Charges.copy(context, Work.PROCEDURE, bytes);
        done.accept(Arrays.copyOf(block, bytes));
        next();
    }
}
