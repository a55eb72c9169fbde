package org.asfast.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.asfast.check.Explorer;
import org.asfast.check.Explorer.Bounds;
import org.asfast.checks.Checks;
import org.asfast.checks.Checks.Check;
import org.asfast.spi.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asfast check}: searches every delivery order, duplicate, timer and crash point of the systems' small
 * configurations and prints, per configuration, the states explored, the verdict and the time; a violation's trace.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Explores every message order and crash point of small configurations of the systems and checks their invariants.")
public final class CheckCommand implements Callable<Integer> {

    @Option(names = "--system", paramLabel = "NAME", description = "Only this system's configurations (rpc, ...).")
    String system;

    @Option(names = "--depth", paramLabel = "EVENTS", description = "Explore up to this many events per execution instead of each configuration's bound.")
    Integer depth;

    @Override
    public Integer call() {
        List<Check> checks = Checks.all().stream().filter(c -> system == null || c.system().equals(system)).toList();
        if (checks.isEmpty()) {
            throw new UserError("no system '" + system + "' to check; use one of " + Checks.all().stream().map(Check::system).distinct().toList());
        }
        if (depth != null && depth < 1) {
            throw new UserError("--depth " + depth + " explores nothing; give a number of events of at least 1");
        }
        System.out.printf(Locale.ROOT, "%-7s %-52s %-24s %9s %10s %7s %8s  %s%n", "system", "configuration", "bounds", "states", "events", "cut", "time", "verdict");
        boolean allAsExpected = true;
        for (Check check : checks) {
            Bounds b = depth == null ? check.bounds() : new Bounds(depth, check.bounds().drops(), check.bounds().duplicates(), check.bounds().crashes(), check.bounds().maxStates());
            Explorer.Result r = Explorer.explore(check.scenario(), b);
            boolean asExpected = check.asExpected(r);
            allAsExpected &= asExpected;
            String verdict = r.holds() ? "invariants hold" : "violation" + (asExpected ? " (known: " + check.knownViolation() + ")" : "");
            if (r.stoppedAtLimit()) {
                verdict += ", stopped at " + b.maxStates() + " states";
            }
            System.out.printf(Locale.ROOT, "%-7s %-52s %-24s %9d %10d %7d %6.2f s  %s%n", check.system(), check.name(), b, r.states(),
                    r.transitions(), r.cut(), r.time().toNanos() / 1e9, verdict + (asExpected ? "" : "  UNEXPECTED"));
            if (!r.holds()) {
                System.out.println(r.violation().render().indent(4).stripTrailing());
            }
        }
        return allAsExpected ? 0 : 1;
    }
}
