package org.asfast.systems;

import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Work;

/**
 * The costs a node charges as the modelled machines charge them (org.asfast.model's Hardware): a trap at the
 * kernel's speed, a copy at the memory's, a context switch as the scheduler's path plus the registers stored and
 * loaded through memory. A copy is charged as the instructions of its kind that take as long, since nodes charge work
 * in instructions.
 */
public final class Charges {
    private Charges() {
    }

    /** Entering and leaving the kernel once. */
    public static void trap(NodeContext node) {
        node.work(Work.KERNEL_CALL, node.parameter("trap_instructions"));
    }

    /** Copying {@code bytes} through memory (no cache on the Sun-3): as long at the memory's speed whatever the kind of work. */
    public static void copy(NodeContext node, Work kind, double bytes) {
        seconds(node, kind, bytes / (node.parameter("memory_mbs") * (1 << 20)));
    }

    /**
     * {@code seconds} of the CPU charged as work of {@code kind}: the instructions of that kind that take as long, at
     * the machine's rating for a program's own code and kernel_cpi times slower for the kernel's ({@link Work#isUserCode}).
     */
    public static void seconds(NodeContext node, Work kind, double seconds) {
        node.work(kind, seconds * node.parameter("mips") * 1e6 / (kind.isUserCode() ? 1 : node.parameter("kernel_cpi")));
    }

    /** {@code instructions} of a user program, at the machine's rating (MIPS ratings count user instructions). */
    public static void user(NodeContext node, double instructions) {
        node.work(Work.PROCEDURE, instructions);
    }

    /** One context switch: the scheduler's {@code schedulerInstructions}, then one thread's registers out and another's in. */
    public static void contextSwitch(NodeContext node, double schedulerInstructions) {
        contextSwitches(node, 1, schedulerInstructions);
    }

    /** {@code count} context switches (a count that is a parameter may be moved to a fraction, to see what depends on it). */
    public static void contextSwitches(NodeContext node, double count, double schedulerInstructions) {
        node.work(Work.CONTROL_TRANSFER, count * schedulerInstructions);
        copy(node, Work.CONTROL_TRANSFER, count * 2 * node.parameter("switched_registers") * 4);
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
