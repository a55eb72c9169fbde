package org.asfast.workloads.douglis;

import org.asfast.spi.Platform;
import org.asfast.spi.RemoteExecution;
import org.asfast.workloads.Workload;

/**
 * Douglis et al. Table 3, program invocation ("creating a new process from an executable image, and waiting for it
 * to exit"), and Table 4, "the costs of creating a new process to execute a small program that immediately exits":
 * locally, "on a remote host known in advance", and "on a remote host determined at invocation time".
 */
public final class ProgramInvocation implements Workload {
    private final RemoteExecution processes;
    private final RemoteExecution.Site site;

    public ProgramInvocation(Platform platform, RemoteExecution.Site site) {
        processes = platform.require(RemoteExecution.class);
        this.site = site;
    }

    /** Runs the program once at the site and waits for it to exit. */
    public void invoke() {
        processes.invoke(site);
    }
}
