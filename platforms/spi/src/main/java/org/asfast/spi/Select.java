package org.asfast.spi;

/** The select kernel call, asked only whether descriptors are readable, with a zero timeout (Ousterhout §6). */
public interface Select extends Capability {

    /**
     * Calls select once with the given descriptors in the read set, nfds = highest descriptor + 1,
     * and a zero timeout. Returns how many are readable.
     */
    int readableNow(int[] fds);
}
