package org.asfast.cli;

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
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Uninterrupted.Stopped || stopRequested.getAsBoolean()) {
                // Ctrl-C or kill: whatever the command threw since is the stop's doing (a JMH fork killed by the same
                // signal is a "failed" benchmark), and the clean-up hooks remove what was unfinished. The process ends
                // with the signal's status (143 for SIGTERM) whatever this returns, as System.exit waits for the hooks.
                cmd.getErr().println("asfast: " + (cmd.getCommand() instanceof StoppedBySignal command ? command.stoppedBySignal()
                        : cmd.getCommandName() + " stopped by a signal (Ctrl-C or kill) before it finished"));
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

    /** A command that says itself what a stop by a signal left behind (run: whether its folder was written). */
    interface StoppedBySignal {
        String stoppedBySignal();
    }
}
