package org.asfast.sprite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asfast.nodes.Faults;
import org.asfast.spi.Rpc;
import org.asfast.systems.ModelHardware;
import org.asfast.systems.Outcome;
import org.asfast.systems.SimulatedSystem;
import org.asfast.systems.SystemParameters;
import org.junit.jupiter.api.Test;

/**
 * Sprite's scheduler resumes a process woken on an otherwise idle machine without a full context switch
 * (SpriteKernel.wake). The caller ran last on its machine before it waited, so it always resumes; on the server only
 * the channel's first request, whose server process has not run yet, pays a full switch, the registers out and in.
 * A second process whose call queued behind the first ran in between, so the first caller then pays the full switch.
 */
class SpriteResumeTest {

    @Test
    void onlyTheFirstRequestOfAChannelPaysAFullSwitchOnTheServer() {
        SystemParameters p = SpriteSimulated.parameters();
        try (SpriteSimulated sprite = new SpriteSimulated("test", p, Faults.NONE)) {
            Rpc.Client client = sprite.connect(Rpc.Level.KERNEL);
            double first = timed(sprite, client);
            double second = timed(sprite, client);
            double third = timed(sprite, client);
            double registersNanos = registersNanos(p);
            assertTrue(registersNanos > 0, "the machine has registers to switch");
            assertEquals(registersNanos, first - second, 2, "the clock counts whole nanoseconds; first " + first + " ns, second " + second + " ns");
            assertEquals(second, third, 1, "every later call resumes the same processes");
        }
    }

    @Test
    void aCallerResumesWithAFullSwitchWhenAnotherProcessCalledWhileItWaited() {
        SystemParameters p = SpriteSimulated.parameters();
        SimulatedSystem system = new SimulatedSystem(p, Faults.NONE);
        SpriteKernel client = new SpriteKernel();
        int clientAddress = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("client Sun 3/60", p)), client, p.numbers());
        int server = system.cluster().addNode(system.cluster().addHost(ModelHardware.processor("server Sun 3/60", p)), new SpriteKernel(), p.numbers());
        system.simulation().run(); // the kernels start
        alone(system, clientAddress, client, server); // the server's process for the channel has run: it resumes from now on
        double alone = alone(system, clientAddress, client, server);

        long before = system.clock().nanos();
        Outcome first = new Outcome();
        Outcome second = new Outcome();
        system.await(clientAddress, () -> {
            client.rpc(server, 0, 0, first);
            client.rpc(server, 0, 0, second); // another process's call, queued behind the first
        }, second, 1e9, "two overlapping calls");
        assertTrue(first.succeeded() && second.succeeded(), "both calls ended");
        assertEquals(registersNanos(p), first.at() - before - alone, 2,
                "the first caller resumes with a full switch: the second caller ran after it blocked; alone " + alone + " ns");
    }

    /** One call on its own, timed on the simulation's clock. */
    private static double alone(SimulatedSystem system, int clientAddress, SpriteKernel client, int server) {
        long before = system.clock().nanos();
        Outcome outcome = new Outcome();
        system.await(clientAddress, () -> client.rpc(server, 0, 0, outcome), outcome, 1e9, "a call");
        return system.clock().nanos() - before;
    }

    /** Charges.contextSwitch's part beyond the scheduler's path: the registers out and in through memory. */
    private static double registersNanos(SystemParameters p) {
        return 2 * p.number("switched_registers") * 4 / (p.number("memory_mbs") * (1 << 20)) * 1e9;
    }

    private static double timed(SpriteSimulated sprite, Rpc.Client client) {
        long before = sprite.clock().nanos();
        client.call(0, 0);
        return sprite.clock().nanos() - before;
    }
}
