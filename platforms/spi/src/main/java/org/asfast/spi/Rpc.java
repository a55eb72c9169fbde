package org.asfast.spi;

/**
 * Remote procedure calls between two machines, as Douglis et al. measure them (Table 1, §3.1): a client calls a
 * server that does nothing, sending some bytes and getting some back, between kernels or between user processes.
 */
public interface Rpc extends Capability {

    /** Who calls and who answers. */
    enum Level {
        /** Kernel to kernel (Table 1a). */
        KERNEL,
        /** User process to user process, through whatever the system offers them (Table 1b). */
        USER
    }

    /** Binds a client to a null server on another machine, at the given level. */
    Client connect(Level level);

    /** A bound client. */
    interface Client extends AutoCloseable {

        /**
         * One call carrying {@code requestBytes} to the server and {@code replyBytes} back; returns when the reply
         * is in. Throws {@link UserError} with a one-line message when the server does not answer in time, and
         * {@link IllegalArgumentException} when one call cannot carry that much at this level.
         */
        void call(int requestBytes, int replyBytes);

        /** The most bytes one call carries each way at this level. */
        int maxBytes();

        /** Packets sent again because no answer came in time, since the client was bound. */
        long retransmissions();

        @Override
        void close();
    }
}
