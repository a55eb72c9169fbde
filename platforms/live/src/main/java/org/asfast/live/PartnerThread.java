package org.asfast.live;

import java.util.concurrent.locks.LockSupport;

/**
 * A live node's second thread of control ({@link LiveNode#switchTo}): it sleeps until it is handed a body, runs it
 * and wakes the thread that handed it over, which sleeps meanwhile. Both sleep in the kernel (park, a futex wait) and
 * are woken by the other (unpark, a futex wake): a round trip is two real context switches, never a spin. The
 * node starts it from a thread held on one CPU ({@link CpuPin}), so both run on that one, as on a uniprocessor.
 */
final class PartnerThread implements AutoCloseable {
    private final Thread thread;
    /** The body handed over; null again once it has run. */
    private volatile Runnable task;
    private volatile Thread waiting;
    private volatile boolean closed;
    /** What the body threw, read by the caller after it saw {@link #task} cleared. */
    private Throwable failure;

    PartnerThread(String name) {
        thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    /** Runs {@code body} on the partner and returns when it has, rethrowing what it threw. */
    void run(Runnable body) {
        if (closed) {
            throw new IllegalStateException("the node's partner thread is closed");
        }
        waiting = Thread.currentThread();
        task = body;
        LockSupport.unpark(thread);
        while (task != null) {
            LockSupport.park(this);
        }
        Throwable thrown = failure;
        failure = null;
        rethrow(thrown);
    }

    private void loop() {
        while (!closed) {
            Runnable body = task;
            if (body == null) {
                LockSupport.park(this);
                continue;
            }
            try {
                body.run();
            } catch (Throwable t) {
                failure = t;
            }
            task = null;
            LockSupport.unpark(waiting);
        }
    }

    /** True while the partner's thread runs (it ends soon after {@link #close}). */
    boolean alive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    /** Runs {@code body} on a new thread and waits for it to end ({@link LiveNode#createThread}), rethrowing what it threw. */
    static void createAndJoin(String name, Runnable body) {
        Throwable[] thrown = new Throwable[1];
        Thread child = Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        boolean interrupted = false;
        while (true) {
            try {
                child.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the child still runs: wait for it, then keep the interrupt
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(thrown[0]);
    }

    private static void rethrow(Throwable thrown) {
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown);
        }
    }
}
