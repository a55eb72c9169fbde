package org.asfast.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.asfast.report.ExportCommand;
import org.asfast.report.ImportCommand;
import org.asfast.report.PublishCommand;
import org.asfast.report.ReportCommand;
import org.asfast.report.Uninterrupted;
import org.asfast.spi.UserError;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The asfast command: {@code run} measures, {@code report} rebuilds the report from runs, {@code publish} writes a site of
 * several runs, {@code export} and {@code import} move runs between machines, {@code mips} rates the host.
 */
@Command(name = "asfast", mixinStandardHelpOptions = true, version = "asfast 0.1.0",
        description = "Reproduces the measurements of five classic operating-systems papers on this computer.",
        subcommands = {RunCommand.class, ReportCommand.class, PublishCommand.class, ExportCommand.class, ImportCommand.class,
                MipsCommand.class, ModelCommand.class, SystemsCommand.class, CheckCommand.class, RmemCommand.class, XfsCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code: 0 for success, 2 for bad input, 1 for a failure. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, with bad input printed as one line and exit code 2. */
    static CommandLine commandLine() {
        return commandLine(Uninterrupted::stopRequested);
    }

    /** The command line; {@code stopRequested} tells whether a signal has begun stopping this process. */
    static CommandLine commandLine(java.util.function.BooleanSupplier stopRequested) {
        CommandLine line = new CommandLine(new Main());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setParameterExceptionHandler((e, args) -> {
            // One line, not the usage: the user mistyped one option and --help lists them all.
            String command = e.getCommandLine().getCommandSpec().qualifiedName(" ");
            e.getCommandLine().getErr().println("asfast: " + ReportCommand.oneLine(e.getMessage()) + "; see '" + command + " --help' for the options");
            return 2;
        });
        AtomicReference<StopNotice> running = new AtomicReference<>();
        line.setExecutionStrategy(parsed -> {
            // Ctrl-C or kill: the JVM ends when its shutdown hooks do, and the main thread may not get to say why (it
            // may be computing, or waiting on a fork that dies of the same signal). So a hook says it, for the command
            // that runs; withdrawn when the command returns, as a normal exit runs the hooks too.
            List<CommandLine> commands = parsed.asCommandLineList();
            StopNotice notice = new StopNotice(commands.getLast());
            running.set(notice);
            Runnable withdraw = Uninterrupted.whenStopping(notice::say);
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                withdraw.run();
            }
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Uninterrupted.Stopped || stopRequested.getAsBoolean()) {
                // Ctrl-C or kill: whatever the command threw since is the stop's doing (a JMH fork killed by the same
                // signal is a "failed" benchmark), and the clean-up hooks remove what was unfinished. The process ends
                // with the signal's status (143 for SIGTERM) whatever this returns, as System.exit waits for the hooks.
                StopNotice notice = running.get();
                (notice != null && notice.command == cmd ? notice : new StopNotice(cmd)).say();
                return 130;
            }
            if (e instanceof UserError) {
                cmd.getErr().println("asfast: " + e.getMessage());
                return 2;
            }
            if (e instanceof RunCommand.BenchmarkFailed) {
                cmd.getErr().println("asfast: " + e.getMessage());
                return 1;
            }
            cmd.getErr().println("asfast: " + e);
            e.printStackTrace(cmd.getErr());
            return 1;
        });
        return line;
    }

    /** The one line that says a signal stopped {@code command}: from the shutdown hook or the command's failure, whichever comes first. */
    private static final class StopNotice {
        private final CommandLine command;
        private final AtomicBoolean said = new AtomicBoolean();

        StopNotice(CommandLine command) {
            this.command = command;
        }

        void say() {
            if (said.compareAndSet(false, true)) {
                command.getErr().println("asfast: " + (command.getCommand() instanceof StoppedBySignal stopped ? stopped.stoppedBySignal()
                        : command.getCommandName() + " stopped by a signal (Ctrl-C or kill) before it finished"));
                command.getErr().flush();
            }
        }
    }

    /** A command that says itself what a stop by a signal left behind (run: whether its folder was written). */
    interface StoppedBySignal {
        String stoppedBySignal();
    }
}
