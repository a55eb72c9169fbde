package org.asfast.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Each node in a JVM of its own on this computer, started with this JVM's java and class path. The node's
 * standard error goes to {@code node-<id>.log} in the run's scratch root.
 *
 * <p>The node JVMs run without the performance-data file ({@code -XX:-UsePerfData}), which a JVM killed with
 * kill -9 would leave behind in /tmp, with the serial collector and a small heap: a node is one thread. A spin set in
 * this JVM ({@link LiveNode#SPIN_PROPERTY}) is passed on.
 */
public final class LocalProcessPlacement implements Placement {
    private final List<String> prefix;
    private final List<String> jvmOptions;
    private final String classPath;

    /** Nodes with this JVM's class path and the default options. */
    public LocalProcessPlacement() {
        this(List.of(), List.of(), System.getProperty("java.class.path"));
    }

    /**
     * @param prefix     words put before the java command, e.g. {@code taskset -c 1} to pin the nodes to a CPU
     * @param jvmOptions options added to the node JVMs' defaults
     * @param classPath  the class path that holds the node classes and this module
     */
    public LocalProcessPlacement(List<String> prefix, List<String> jvmOptions, String classPath) {
        LiveNode.defaultSpin(); // a bad spin is this command's one-line error, before any node JVM fails on it alone
        this.prefix = List.copyOf(prefix);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classPath = classPath;
    }

    @Override
    public NodeProcess start(String nodeClass, NodeSetup setup, Path runRoot) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:-UsePerfData", "-XX:+UseSerialGC", "-Xms16m", "-Xmx256m"));
        String spin = System.getProperty(LiveNode.SPIN_PROPERTY);
        if (spin != null) {
            command.add("-D" + LiveNode.SPIN_PROPERTY + "=" + spin); // the nodes poll as long as this JVM's do
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, NodeMain.class.getName(), "--node", nodeClass, "--run-root", runRoot.toString()));
        command.addAll(setup.toArguments());
        Path log = runRoot.resolve("node-" + setup.id() + ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new Local(process, log);
        } catch (IOException e) {
            throw new LiveException("cannot start a JVM for node " + setup.id() + " (" + command.get(prefix.size()) + "): " + e.getMessage());
        }
    }

    private record Local(Process process, Path log) implements NodeProcess {
        @Override
        public InputStream output() {
            return process.getInputStream();
        }

        @Override
        public OutputStream input() {
            return process.getOutputStream();
        }

        @Override
        public void kill() {
            process.destroyForcibly(); // SIGKILL on Linux
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public boolean awaitExit(Duration timeout) {
            try {
                return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public String lastLogLine() {
            try {
                if (!Files.exists(log)) {
                    return "";
                }
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (!lines.get(i).isBlank()) {
                        return lines.get(i).strip();
                    }
                }
                return "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
