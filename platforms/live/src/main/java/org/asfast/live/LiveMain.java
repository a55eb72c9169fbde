package org.asfast.live;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./asfast live --system NAME --nodes N [--faults SETTING] [--port P] [--seconds S] [--scratch DIR]}:
 * starts a system's N nodes live, each in a JVM of its own (node i on port P+i, or any free ports), prints their
 * addresses and process ids, lets them run S seconds (default 0), prints each node's counters and stops them.
 * Bad input (an unknown system, a node count the system does not run with, a busy port, a node that fails to start,
 * a malformed fault setting) is one line on standard error and exit code 2, with no process or file left behind.
 */
public final class LiveMain {
    /** Each takes a value. */
    private static final List<String> OPTIONS = List.of("--system", "--nodes", "--faults", "--port", "--seconds", "--scratch");

    private LiveMain() {
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs the command; returns the exit code: 0 done, 2 bad input, 1 a failure. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        try {
            run(out, args);
            return 0;
        } catch (LiveException e) {
            err.println("asfast live: " + NodeMain.oneLine(e.getMessage()));
            return 2;
        }
    }

    private static void run(PrintStream out, String... args) {
        String systemName = null;
        Integer nodes = null;
        String faults = "";
        int port = 0;
        double seconds = 0;
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                out.println("usage: asfast live --system NAME --nodes N [--faults drop=0.1,dup=0.05,delay=0-2ms,reorder=0.1,seed=7] [--port P] [--seconds S] [--scratch DIR]");
                out.println("systems: " + String.join(", ", LiveSystem.all().keySet()));
                return;
            }
            if (!OPTIONS.contains(option)) {
                throw new LiveException("unknown option " + option + "; see --help");
            }
            if (i + 1 >= args.length) {
                throw new LiveException("option " + option + " needs a value; see --help");
            }
            String value = args[++i];
            switch (option) {
                case "--system" -> systemName = value;
                case "--nodes" -> nodes = whole(option, value);
                case "--faults" -> faults = value;
                case "--port" -> port = whole(option, value);
                case "--seconds" -> seconds = number(option, value);
                case "--scratch" -> scratch = Path.of(value);
                default -> throw new IllegalStateException("an option in OPTIONS without a case: " + option);
            }
        }
        if (systemName == null || nodes == null) {
            throw new LiveException("give --system NAME and --nodes N; systems: " + String.join(", ", LiveSystem.all().keySet()));
        }
        LiveSystem system = LiveSystem.named(systemName);
        List<String> classes = LiveSystem.nodeClasses(system, nodes);
        if (port != 0 && (port < 1 || port + nodes - 1 > 65535)) {
            throw new LiveException("--port " + port + " with " + nodes + " nodes leaves 1-65535; give a lower port, or 0 for any free ones");
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new LiveException("--seconds must be a number of seconds, 0 or more, not " + seconds);
        }
        if (!Files.isDirectory(scratch)) {
            // Scratch.create would make the missing folders, and nothing would remove them
            throw new LiveException("--scratch " + scratch + " is not a folder; give an existing one, or leave it out for the temp folder");
        }
        Launcher.Settings settings = new Launcher.Settings(system.parameters(), faults, 1, Duration.ofSeconds(60), scratch);
        try (Launcher launcher = new Launcher(new LocalProcessPlacement(), settings)) {
            for (int i = 0; i < classes.size(); i++) {
                launcher.add(classes.get(i), port == 0 ? 0 : port + i);
            }
            launcher.start();
            StringBuilder up = new StringBuilder(system.name() + ": " + nodes + " node" + (nodes == 1 ? "" : "s") + " up, faults "
                    + FaultLayer.parse(faults) + ":");
            for (int i = 0; i < nodes; i++) {
                up.append(' ').append(i).append('=').append(launcher.address(i).getAddress().getHostAddress()).append(':')
                        .append(launcher.address(i).getPort()).append(" (pid ").append(launcher.pid(i)).append(')');
            }
            out.println(up);
            if (seconds > 0) {
                Thread.sleep(Math.round(seconds * 1000));
            }
            for (int i = 0; i < nodes; i++) {
                out.println("node " + i + ": " + launcher.load(i).toLine());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int whole(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LiveException(option + " must be a whole number, not '" + value + "'");
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new LiveException(option + " must be a number, not '" + value + "'");
        }
    }
}
