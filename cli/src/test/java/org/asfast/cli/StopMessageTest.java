package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A run stopped by a signal says so, not that a benchmark failed. A real SIGTERM cannot show it reliably: the JMH fork dies
 * of the same signal, and whether the harness prints before its shutdown hooks end is timing. So the "stop requested" the
 * hooks record is given to the command line here, and the run's failure is thrown as RunCommand throws it.
 */
class StopMessageTest {
    /** A run whose JMH fork ended under it: what runJmh throws when the Runner reports the fork's death. */
    @Command(name = "run")
    static final class ForkDied implements Callable<Integer>, Main.StoppedBySignal {
        @Override
        public Integer call() {
            throw RunCommand.failure(new org.openjdk.jmh.runner.RunnerException("Benchmark had encountered error, and fail on error was requested"),
                    "a benchmark failed; JMH printed its error above, and no run folder was written");
        }

        @Override
        public String stoppedBySignal() {
            return RunCommand.stoppedBySignal(null, false); // its folder was never completed
        }
    }

    /** A run stopped after its folder was completed, while results/latest was being replaced (the step the stop refuses). */
    @Command(name = "run")
    static final class StoppedPublishing implements Callable<Integer>, Main.StoppedBySignal {
        private Path written;

        @Override
        public Integer call() {
            written = Path.of("results", "runs", "2026-11-30T17-00-00Z");
            throw new IllegalStateException("interrupted");
        }

        @Override
        public String stoppedBySignal() {
            return RunCommand.stoppedBySignal(written, false);
        }
    }

    /** The exit code and standard error of the stand-in run under the asfast command line's handler of a command's exceptions. */
    private static String[] execute(boolean stopRequested) {
        return execute(new ForkDied(), stopRequested);
    }

    private static String[] execute(Callable<Integer> command, boolean stopRequested) {
        CommandLine run = new CommandLine(command);
        run.setExecutionExceptionHandler(Main.commandLine(() -> stopRequested).getExecutionExceptionHandler());
        StringWriter err = new StringWriter();
        run.setErr(new PrintWriter(err, true));
        return new String[] {Integer.toString(run.execute()), err.toString()};
    }

    @Test
    void aRunStoppedBySignalSaysItWasStoppedNotThatABenchmarkFailed() {
        String[] stopped = execute(true);
        assertEquals("asfast: run stopped by a signal (Ctrl-C or kill) before it finished; no run folder was written" + System.lineSeparator(), stopped[1]);
        assertEquals("130", stopped[0], "as a step refused after the signal (Uninterrupted.Stopped); the process's own status is the signal's, 143 for SIGTERM");
        String[] failed = execute(false);
        assertEquals("asfast: a benchmark failed; JMH printed its error above, and no run folder was written" + System.lineSeparator(), failed[1],
                "with no stop requested, a failure is a failure");
        assertEquals("1", failed[0]);
    }

    @Test
    void aRunStoppedAfterItsFolderWasWrittenSaysWhereItIs() {
        String[] stopped = execute(new StoppedPublishing(), true);
        assertEquals("asfast: run stopped by a signal (Ctrl-C or kill) after the run was written to "
                + Path.of("results", "runs", "2026-11-30T17-00-00Z") + "; results/latest was not updated" + System.lineSeparator(), stopped[1]);
        assertEquals("130", stopped[0]);
    }

    @Test
    void aCommandOtherThanRunSaysOnlyThatItWasStopped() {
        String[] stopped = execute(new Other(), true);
        assertEquals("asfast: other stopped by a signal (Ctrl-C or kill) before it finished" + System.lineSeparator(), stopped[1]);
    }

    @Command(name = "other")
    static final class Other implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("interrupted");
        }
    }

    @Test
    void theRunCommandDecidesByWhetherItsFolderWasCompleted() {
        assertEquals("run stopped by a signal (Ctrl-C or kill) before it finished; no run folder was written", new RunCommand().stoppedBySignal(),
                "a run that has not completed its folder");
        assertEquals("run stopped by a signal (Ctrl-C or kill) after the run was written to x; results/latest was not updated",
                RunCommand.stoppedBySignal(Path.of("x"), false));
        assertEquals("run stopped by a signal (Ctrl-C or kill) after it finished: the run is in x and results/latest shows it",
                RunCommand.stoppedBySignal(Path.of("x"), true), "a stop after results/latest was replaced");
    }
}
