package org.asfast.v;

import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;

/**
 * A V host that serves: its kernel, with the servers of Cheriton's measurements spawned at start under fixed
 * process ids, so a client on another host can name them: the Table I segment server ({@link #SEGMENT}), a
 * UIO file server ({@link #FILES}) and a pipe server ({@link #PIPE}). A live node JVM creates it by class name.
 */
public final class VServerHost implements Node {
    public static final int SEGMENT = 1;
    public static final int FILES = 2;
    public static final int PIPE = 3;

    private final VKernel kernel = new VKernel();
    private final SegmentServer segmentServer = new SegmentServer();

    @Override
    public void start(NodeContext context) {
        kernel.start(context);
        if (kernel.spawn(segmentServer) != VKernel.pid(context.self(), SEGMENT) || kernel.spawn(new FileServer()) != VKernel.pid(context.self(), FILES)
                || kernel.spawn(new PipeServer(4096)) != VKernel.pid(context.self(), PIPE)) {
            throw new IllegalStateException("V's servers did not get their fixed process ids");
        }
    }

    @Override
    public void receive(int from, byte[] message) {
        kernel.receive(from, message);
    }

    /** The process id of one of the servers on the host at {@code address}. */
    public static int pid(int address, int server) {
        return VKernel.pid(address, server);
    }

    /** Requests the segment server executed (for an in-process host). */
    public long segmentExecutions() {
        return segmentServer.executions();
    }
}
