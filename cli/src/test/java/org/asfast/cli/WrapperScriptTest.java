package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./asfast verify} and {@code ./asfast test} hand their options to Maven: one it cannot parse is one line
 * and exit 2, as for every other command, not Maven's 80-line usage and exit 1, and no build starts.
 */
class WrapperScriptTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private record Result(int code, String out, String err) {
    }

    private static Result asfast(String... args) throws IOException, InterruptedException {
        return asfast(java.util.Map.of(), args);
    }

    private static Result asfast(java.util.Map<String, String> environment, String... args) throws IOException, InterruptedException {
        // the check asks the wrapper's Maven to parse the options: only where it is installed, so that no test downloads it
        assumeTrue(Files.isDirectory(Path.of(System.getProperty("user.home"), ".m2", "wrapper", "dists")), "the Maven wrapper's Maven is not installed");
        String[] command = new String[args.length + 1];
        command[0] = ROOT.resolve("asfast").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "asfast " + String.join(" ", args) + " did not stop: a build started");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void anOptionMavenDoesNotKnowIsOneLineAndExitTwo() throws IOException, InterruptedException {
        Result verify = asfast("verify", "--ful");
        assertEquals(2, verify.code, verify.err);
        assertEquals("", verify.out);
        assertEquals("asfast verify: Unable to parse command line options: Unrecognized option: --ful; give --quick or --full, "
                + "or Maven's own options (./mvnw --help)\n", verify.err);
        Result test = asfast("test", "-pl");
        assertEquals(2, test.code, test.err);
        assertEquals("asfast test: Unable to parse command line options: Missing argument for option: pl; "
                + "give Maven's own options (./mvnw --help)\n", test.err);
    }

    /** Maven failing for a reason of its own (here the JVM under it refuses an option) is not a bad option: its first error line and its status. */
    @Test
    void mavenFailingForAnotherReasonIsItsOwnErrorLineAndStatus() throws IOException, InterruptedException {
        Result test = asfast(java.util.Map.of("MAVEN_OPTS", "-Xbogus"), "test", "-pl", "cli");
        assertEquals(1, test.code, test.err);
        assertEquals("", test.out);
        assertEquals("asfast test: Maven failed: Unrecognized option: -Xbogus\n", test.err);
    }
}
