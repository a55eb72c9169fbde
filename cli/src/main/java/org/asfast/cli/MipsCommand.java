package org.asfast.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.asfast.host.HostMips;
import org.asfast.spi.FileTrees;

import picocli.CommandLine.Command;

/** Measures and prints the host's VAX MIPS rating, its spread, and the C Dhrystone beside it. */
@Command(name = "mips", mixinStandardHelpOptions = true, description = "Measure this computer's integer speed in VAX MIPS with Dhrystone 2.1 (Java, checked against C).")
final class MipsCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        Path scratch = Files.createTempDirectory("asfast-mips-");
        Thread cleanup = new Thread(() -> FileTrees.delete(scratch), "asfast-mips-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            HostMips mips = HostMips.measure(scratch);
            System.out.printf("%.0f VAX MIPS%n%s%n", mips.mips(), mips.method());
            System.out.println(cLine(mips));
            return 0;
        } finally {
            FileTrees.delete(scratch);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    /** One line on the C Dhrystone: its rating and the Java/C ratio, or why it is missing. */
    static String cLine(HostMips mips) {
        if (mips.c() != null) {
            var c = mips.c();
            return String.format("C Dhrystone (%s %s): %.0f VAX MIPS (best of %d; median %.0f); Java/C %.2f", c.compiler(), c.flags(), c.mips(),
                    c.dhrystonesPerSecond().trials(), c.dhrystonesPerSecond().median() / 1757, mips.javaOverC());
        }
        return mips.cMissing() == null ? "" : "C Dhrystone missing: " + mips.cMissing();
    }
}
