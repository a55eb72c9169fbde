package org.asfast.host;

import org.asfast.spi.KernelEntry;

/** getpid through syscall(2), so that no library can answer from a cached pid. */
final class HostKernel implements KernelEntry {
    @Override
    public long nullCall() {
        try {
            return (long) Libc.SYSCALL0.invokeExact(Libc.SYS_GETPID);
        } catch (Throwable t) {
            throw Syscall.rethrow(t);
        }
    }
}
