package org.asfast.sprite;

import org.asfast.nodes.Faults;
import org.asfast.systems.ModelHardware;
import org.asfast.systems.Outcome;
import org.asfast.systems.SimulatedPair;
import org.asfast.systems.SystemParameters;

/**
 * Sprite on two simulated Sun 3/60s: the client's kernel on one, the server's on the other, one Ethernet
 * between them. Kernel RPCs and pseudo-device requests between them are Douglis et al.'s Table 1; processes
 * sharing memory on the client's machine are Table 3's threads.
 */
public final class SpriteSimulated extends SimulatedPair<SpriteKernel> {

    public SpriteSimulated(String name, SystemParameters parameters, Faults faults) {
        super(name, "Sun 3/60", parameters, faults, new SpriteKernel(), new SpriteKernel(), SpriteKernel.giveUpNanos(parameters::number, true));
    }

    /**
     * The shipped parameters: the Sun 3/60 and Sprite's UNIX-side figures from the model (its context switch, process
     * creation, and its file system's paths for open, name lookup, close, read, write, create and delete, and its delete's
     * synchronous i-node write), the Lance
     * interface, and Sprite's RPC's and file system's own.
     */
    public static SystemParameters parameters() {
        return SystemParameters.load(ModelHardware.of("sun3-60-sprite-local",
                "switch_instructions", "pipe_io_instructions", "spawn_instructions", "fork_copy_kb", "getpid_instructions",
                "open_instructions", "lookup_instructions", "close_instructions", "read_instructions", "write_instructions",
                "create_extra_instructions", "delete_extra_instructions", "delete_sync_writes"), SpriteSimulated.class, "parameters.csv");
    }

    @Override
    protected String callName(boolean user) {
        return user ? "Sprite pseudo-device request" : "Sprite RPC";
    }

    @Override
    protected void call(boolean user, int requestBytes, int replyBytes, Outcome outcome) {
        if (user) {
            client.pseudoDevice(serverAddress, requestBytes, replyBytes, outcome);
        } else {
            client.rpc(serverAddress, requestBytes, replyBytes, outcome);
        }
    }

    /** A pseudo-device request larger than one RPC carries takes several, each with its own time to give up. */
    @Override
    protected double deadlineNanos(boolean user, int requestBytes, int replyBytes) {
        return user ? deadlineNanos * (Math.max(requestBytes, replyBytes) / client.maxBytes() + 1) : deadlineNanos;
    }

    @Override
    protected int maxBytes(boolean user) {
        return user ? Integer.MAX_VALUE : client.maxBytes();
    }

    @Override
    protected long executions(SpriteKernel kernel) {
        return kernel.executions();
    }

    @Override
    protected long retransmissions(SpriteKernel kernel) {
        return kernel.retransmissions();
    }

    @Override
    public void switchRoundTrip() {
        run("Sprite context switch", client::switchRoundTrip);
    }

    @Override
    public void createAndJoin() {
        run("Sprite shared-memory fork", client::sharedFork);
    }

    @Override
    public long nullCall() {
        run("Sprite null kernel call", client::nullCall);
        return clientAddress;
    }
}
