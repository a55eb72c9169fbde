package org.asfast.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The short steps on disk that Ctrl-C or {@code kill} must not cut in half: writing a staged report
 * and swapping it in, moving a finished run into place. A step runs whole; a shutdown that starts
 * meanwhile waits for it (the JVM halts when its shutdown hooks return, whatever other threads are
 * doing), and no step starts after it. The slow work (measuring, rendering) happens outside steps,
 * in memory or in folders the clean-up hooks remove.
 */
public final class Uninterrupted {
    private static final Object LOCK = new Object();
    private static boolean stopping;
    /** What to run when the stop begins ({@link #whenStopping}); guarded by LOCK. */
    private static final List<Runnable> NOTICES = new ArrayList<>();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(Uninterrupted::stop, "asfast-stop"));
        } catch (IllegalStateException shuttingDown) {
            // first used by a clean-up hook, which calls stop() itself
        }
    }

    private Uninterrupted() {
    }

    /** A step on disk. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws IOException;
    }

    /** Runs {@code step} whole, or throws {@link Stopped} without starting it if the process is shutting down. */
    public static <T> T run(Step<T> step) throws IOException {
        synchronized (LOCK) {
            if (stopping) {
                throw new Stopped();
            }
            return step.run();
        }
    }

    /**
     * Waits for a running step to finish and refuses later ones, then runs the notices registered with
     * {@link #whenStopping}. Clean-up hooks call this before they remove anything.
     */
    public static void stop() {
        synchronized (LOCK) {
            stopping = true;
            List<Runnable> due = List.copyOf(NOTICES);
            NOTICES.clear();
            due.forEach(Runnable::run);
        }
    }

    /**
     * Runs {@code notice} once if the process begins to stop, from the shutdown hook: a thread the JVM waits for, unlike the
     * main thread, which may never get to say why it ended. It runs after the last step has ended and before anything is
     * removed, so what it reads of the steps' results is final. The returned action withdraws it (call it when the work it
     * speaks for has ended; a normal exit runs the shutdown hooks too).
     */
    public static Runnable whenStopping(Runnable notice) {
        synchronized (LOCK) {
            if (stopping) {
                notice.run();
                return () -> {
                };
            }
            NOTICES.add(notice);
        }
        return () -> {
            synchronized (LOCK) {
                NOTICES.remove(notice);
            }
        };
    }

    /**
     * Whether the process has begun to stop (Ctrl-C, kill): {@link #stop} has run, or the JVM has begun its shutdown and
     * the hook that calls it has not run yet (a JMH fork killed by the same signal can fail its run in between).
     */
    public static boolean stopRequested() {
        synchronized (LOCK) {
            if (stopping) {
                return true;
            }
        }
        Thread probe = new Thread(() -> {
        });
        try {
            Runtime.getRuntime().addShutdownHook(probe); // refused once the shutdown has begun
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    /** The process is shutting down (Ctrl-C, kill): the step was not started. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("interrupted");
        }
    }
}
