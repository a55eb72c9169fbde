package org.asfast.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** One command line run in this JVM, its exit code and what it printed, for the commands' tests. */
record CliRun(int exitCode, String out, String err) {

    /** {@code asfast <command> <args>}. */
    static CliRun command(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return of(all);
    }

    static CliRun of(String... args) {
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            picocli.CommandLine line = Main.commandLine();
            line.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
            return new CliRun(line.execute(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
        }
    }
}
