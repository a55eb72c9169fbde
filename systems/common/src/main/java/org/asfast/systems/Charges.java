package org.asfast.systems;

import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;

/**
 * The costs a node charges as the modelled machines charge them (org.asfast.model's Hardware): a trap at the
 * kernel's speed, a copy at the memory's, a context switch as the scheduler's path plus the registers stored and
 * loaded through memory. A copy is charged as the kernel instructions that take as long, since nodes charge work
 * in instructions.
 */
public final class Charges {
    private Charges() {
    }

    /** Entering and leaving the kernel once. */
    public static void trap(NodeContext node) {
        node.work(Work.KERNEL_CALL, node.parameter("trap_instructions"));
    }

    /** Copying {@code bytes} through memory (no cache on the Sun-3). */
    public static void copy(NodeContext node, Work kind, double bytes) {
        double seconds = bytes / (node.parameter("memory_mbs") * (1 << 20));
        node.work(kind, seconds * node.parameter("mips") * 1e6 / node.parameter("kernel_cpi"));
    }

    /** {@code instructions} of a user program: the machine's MIPS rating counts user instructions; the kernel's run kernel_cpi times slower. */
    public static void user(NodeContext node, double instructions) {
        node.work(Work.PROCEDURE, instructions / node.parameter("kernel_cpi"));
    }

    /** One context switch: the scheduler's {@code schedulerInstructions}, then one thread's registers out and another's in. */
    public static void contextSwitch(NodeContext node, double schedulerInstructions) {
        node.work(Work.CONTROL_TRANSFER, schedulerInstructions);
        copy(node, Work.CONTROL_TRANSFER, 2 * node.parameter("switched_registers") * 4);
    }

    /**
     * Making a thread of control that shares its creator's memory, up to the switch to it: the kernel call, its
     * {@code instructions}, {@code bytes} of stack cleared or state copied through memory, and the context switch.
     */
    public static void threadCreation(NodeContext node, double instructions, double bytes, double schedulerInstructions) {
        trap(node);
        node.work(Work.KERNEL_CALL, instructions);
        copy(node, Work.KERNEL_CALL, bytes);
        contextSwitch(node, schedulerInstructions);
    }
}
