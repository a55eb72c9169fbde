package org.asfast.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system's C compiler, for the C programs of tools/cbench (bundled in this jar): the Dhrystone
 * that checks the Java rating, and the host workloads' loops in C that show the JVM's own cost.
 * Where there is none, {@link Unavailable} says why in one line, and the C figures are left out.
 */
public final class CCompiler {
    /** Where the C sources sit among this jar's resources (copied from tools/cbench by the build). */
    private static final String SOURCES = "cbench/";

    private CCompiler() {
    }

    /** No C figures this time, and why. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }
    }

    /** The compiler's first line of --version, e.g. "gcc (Debian 12.2.0-14) 12.2.0". */
    public static String version() throws Unavailable {
        return firstLine(run(List.of(gcc(), "--version"), 30));
    }

    /** Compiles a bundled source (e.g. "dhrystone.c") into {@code dir}; returns the program. */
    static Path compile(String source, Path dir, List<String> flags) throws Unavailable {
        String gcc = gcc();
        Path program = dir.resolve(source.replace(".c", ""));
        Path sourceFile = dir.resolve(source);
        try (InputStream in = CCompiler.class.getResourceAsStream(SOURCES + source)) {
            if (in == null) {
                throw new IllegalStateException("the C source " + source + " is missing from the asfast jar; rebuild asfast");
            }
            Files.write(sourceFile, in.readAllBytes());
        } catch (IOException e) {
            throw new Unavailable("cannot write " + sourceFile + " (" + e.getMessage() + ")");
        }
        List<String> command = new ArrayList<>(List.of(gcc));
        command.addAll(flags);
        command.addAll(List.of("-o", program.toString(), sourceFile.toString()));
        command.add("-lpthread");
        run(command, 120);
        return program;
    }

    /** The compiler's name on the PATH: gcc, or else cc. */
    private static String gcc() throws Unavailable {
        for (String name : List.of("gcc", "cc")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new Unavailable("no C compiler (gcc or cc) on the PATH; install gcc (apt-get install gcc) to get the C figures");
    }

    /**
     * Runs a program to completion and returns its standard output; its standard error goes into
     * the message if it fails. The program is stopped if this thread is interrupted or it overruns.
     */
    static String run(List<String> command, long timeoutSeconds) throws Unavailable {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new Unavailable("cannot start " + command.getFirst() + " (" + e.getMessage() + ")");
        }
        Running.add(process);
        try {
            // Read both streams on threads of their own, so that neither a full pipe nor a hang can block us past the timeout.
            var output = new java.util.concurrent.CompletableFuture<String>();
            var errors = new java.util.concurrent.CompletableFuture<String>();
            Thread.ofVirtual().start(() -> output.complete(readAll(process.getInputStream())));
            Thread.ofVirtual().start(() -> errors.complete(readAll(process.getErrorStream())));
            String name = Path.of(command.getFirst()).getFileName().toString();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new Unavailable(name + " took more than " + timeoutSeconds + " s and was stopped");
            }
            if (process.exitValue() != 0) {
                String why = firstLine(errors.completeOnTimeout("", 5, TimeUnit.SECONDS).join());
                throw new Unavailable(name + " failed with exit code " + process.exitValue() + (why.isEmpty() ? "" : " (" + why + ")"));
            }
            return output.completeOnTimeout("", 5, TimeUnit.SECONDS).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } finally {
            Running.stop(process);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }

    /**
     * The C programs running now. The run's clean-up stops them before it removes the scratch
     * directory they write in (each program also removes its own files when it gets SIGTERM).
     */
    public static final class Running {
        private static final java.util.Set<Process> PROCESSES = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private Running() {
        }

        static void add(Process process) {
            PROCESSES.add(process);
        }

        static void stop(Process process) {
            if (process.isAlive()) {
                process.destroy(); // SIGTERM: the program removes its files and exits
                try {
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            PROCESSES.remove(process);
        }

        /** Stops every C program still running and waits for each to exit. */
        public static void stopAll() {
            for (Process process : List.copyOf(PROCESSES)) {
                stop(process);
            }
        }
    }
}
