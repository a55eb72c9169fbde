package org.asfast.live;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A node started by a {@link Placement}: its control lines in and out, and the means to end it. */
public interface NodeProcess {

    /** The node's standard output: {@link NodeMain}'s control lines. */
    InputStream output();

    /** The node's standard input; closing it ends the node. */
    OutputStream input();

    /** Ends the node at once, as {@code kill -9} does, and waits until it is gone. */
    void kill();

    /** Whether it still runs. */
    boolean alive();

    /** Waits up to {@code timeout} for it to end by itself; true if it did. */
    boolean awaitExit(Duration timeout);

    /** Its process id, for messages and tests. */
    long pid();

    /** The last lines it wrote to its standard error (its log), for error messages; empty if none. */
    String lastLogLine();
}
