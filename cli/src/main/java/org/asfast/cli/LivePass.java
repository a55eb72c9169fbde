package org.asfast.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.asfast.host.CCompiler;
import org.asfast.host.UdpFloor;
import org.asfast.live.LiveException;
import org.asfast.live.LiveNode;
import org.asfast.spi.FileTrees;
import org.asfast.spi.Platforms;
import org.asfast.spi.UserError;
import org.asfast.workloads.WorkloadRegistry;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The live systems' cells of the registry (rows with platforms, e.g. amoeba-live): each benchmark with its
 * parameters on each of its platforms in one fork of its own, whose set-up starts the system's server nodes; then,
 * in the same run, the live runtime's own round trip (LiveRoundTripBenchmark) and the C UDP ping-pong on the same
 * loopback, the floor under every live null RPC. Both profiles run every cell but the single-shot ones, which only the
 * full profile has time for (the report shows them "full profile only"); they differ in how long each is measured.
 */
final class LivePass {
    /** The live runtime's null round trip, set against the C floor (not a paper cell: no registry row). */
    static final String RUNTIME_ROUND_TRIP = "org.asfast.jmh.LiveRoundTripBenchmark.roundTrip";

    /** One fork: a benchmark, its parameters and the platform it runs on, and whether it is timed one invocation at a time. */
    record Unit(String workload, String benchmark, Map<String, String> params, String platform, boolean singleShot) {
        String text() {
            StringBuilder text = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1)).append(" (");
            if (platform != null) {
                text.append("platform=").append(platform);
            }
            params.forEach((k, v) -> text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ").append(k).append('=').append(v));
            return text.append(')').toString();
        }
    }

    private final List<Unit> units;
    /** The cells this profile leaves to the full one (single shots, {@link Profile.Live#singleShots}). */
    private final List<Unit> fullProfileOnly;
    /** Their workloads and platforms, as {@link #fullProfileOnly()} gives them (made once: the run asks several times). */
    private final List<Map<String, String>> fullProfileOnlyCells;
    private final Profile profile;

    private LivePass(List<Unit> units, List<Unit> fullProfileOnly, Profile profile) {
        this.units = units;
        this.fullProfileOnly = fullProfileOnly;
        this.fullProfileOnlyCells = fullProfileOnly.stream().map(u -> Map.of("workload", u.workload(), "platform", u.platform())).distinct().toList();
        this.profile = profile;
    }

    /**
     * The live cells of these workloads on the chosen live platforms ({@code all}: every platform the registry names;
     * {@code none}: nothing), in registry order, each benchmark and parameters once per platform.
     */
    static LivePass select(List<Workloads> workloads, List<String> live, Profile profile) {
        Set<String> named = new LinkedHashSet<>();
        WorkloadRegistry.entries().forEach(e -> named.addAll(e.platforms()));
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : live) {
            switch (name.trim()) {
                case "all" -> chosen.addAll(named);
                case "none", "" -> { }
                default -> {
                    if (!named.contains(name.trim())) {
                        throw new UserError("no live cells on '" + name.trim() + "'; --live takes all, none or " + String.join(", ", named));
                    }
                    Platforms.requireKnown(name.trim());
                    chosen.add(name.trim());
                }
            }
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        for (Workloads w : workloads) {
            for (WorkloadRegistry.Entry e : w.entries()) {
                for (String platform : e.platforms()) {
                    if (chosen.contains(platform)) {
                        Unit u = new Unit(w.userName(), e.benchmark(), e.params(), platform, w.singleShot());
                        units.putIfAbsent(u.benchmark() + u.params() + platform, u);
                    }
                }
            }
        }
        if (!units.isEmpty()) {
            try {
                LiveNode.defaultSpin(); // refused now, not in the live pass's JMH forks minutes into the run
            } catch (LiveException e) {
                throw new UserError(e.getMessage());
            }
        }
        Map<Boolean, List<Unit>> later = units.values().stream().collect(Collectors.partitioningBy(u -> u.singleShot() && !profile.live.singleShots()));
        return new LivePass(List.copyOf(later.get(false)), List.copyOf(later.get(true)), profile);
    }

    boolean isEmpty() {
        return units.isEmpty();
    }

    /** The number of cells, each a fork. */
    int size() {
        return units.size();
    }

    /** The live platforms whose cells run, or are left to the full profile. */
    List<String> platforms() {
        return java.util.stream.Stream.concat(units.stream(), fullProfileOnly.stream()).map(Unit::platform).distinct().toList();
    }

    /** The workloads and platforms whose live cells this profile leaves to the full one, as environment.json's fullProfileOnly lists them. */
    List<Map<String, String>> fullProfileOnly() {
        return fullProfileOnlyCells;
    }

    /**
     * Runs each cell in a fork of its own (a platform that lacks a capability makes its workload's cells there "n/a"),
     * then, if any cell ran, the live runtime's round trip; the C floor follows ({@link #floor}).
     */
    List<RunResult> run(Path scratchRoot, List<NotAvailable> notAvailable, PrintStream out) {
        int singleShots = (int) units.stream().filter(Unit::singleShot).count();
        Progress progress = new Progress(out, new Progress.Kind(units.size() - singleShots + 1, expectedNanosPerFork(profile, false)), // + the round trip
                new Progress.Kind(singleShots, expectedNanosPerFork(profile, true)), System::nanoTime);
        List<RunResult> results = new ArrayList<>();
        for (Unit u : units) {
            if (notAvailable.stream().noneMatch(n -> n.workload().equals(u.workload()) && n.platform().equals(u.platform()))) {
                results.addAll(run(u, scratchRoot, progress, notAvailable, out)); // else its workload is n/a there already
            }
        }
        if (!results.isEmpty()) { // the floor's companion: the runtime's own round trip, without a system's protocol
            results.addAll(run(new Unit("live-round-trip", RUNTIME_ROUND_TRIP, Map.of("transfer", "null"), null, false), scratchRoot, progress, notAvailable, out));
        }
        return results;
    }

    /**
     * What one fork is expected to take until one of its kind has finished: 2.5 s to start its JVM and the system's nodes,
     * then a timed fork's iterations, or a single-shot fork's warm-ups and shots. A shot's time is not known up front; the
     * host's estimate (RunCommand.expectedNanosPerBenchmark) has none either and counts a host single-shot fork as a timed
     * one, so a shot is counted as one of the profile's measured iterations.
     */
    static long expectedNanosPerFork(Profile profile, boolean singleShot) {
        Profile.Live live = profile.live;
        long millis = singleShot ? (long) (live.warmupIterations() + live.measurementIterations()) * profile.measurementMillis
                : (long) live.warmupIterations() * live.warmupMillis() + (long) live.measurementIterations() * live.measurementMillis();
        return (millis + 2500) * 1_000_000L;
    }

    private List<RunResult> run(Unit u, Path scratchRoot, Progress progress, List<NotAvailable> notAvailable, PrintStream out) {
        Profile.Live live = profile.live;
        ChainedOptionsBuilder options = RunCommand.baseOptions(scratchRoot).forks(1).include("^" + Pattern.quote(u.benchmark()) + "$");
        if (u.singleShot()) {
            RunCommand.singleShot(options, scratchRoot); // an iteration is one shot
        }
        options.warmupIterations(live.warmupIterations()).warmupTime(TimeValue.milliseconds(live.warmupMillis()))
                .measurementIterations(live.measurementIterations()).measurementTime(TimeValue.milliseconds(live.measurementMillis()));
        u.params().forEach(options::param);
        if (u.platform() != null) {
            options.param("platform", u.platform());
        }
        try {
            return List.copyOf(new Runner(options.build(), progress).run());
        } catch (RunnerException e) {
            NotAvailable missing = NotAvailable.of(e, u.workload(), u.platform())
                    .orElseThrow(() -> RunCommand.failure(e, "a live benchmark failed (" + u.text() + "); JMH printed its error above, and no run folder was written"));
            out.println("asfast: " + u.platform() + " has no " + missing.capability() + ": " + u.workload() + " is n/a there");
            notAvailable.add(missing);
            return List.of();
        }
    }

    /** The C UDP ping-pong's null round trip, as environment.json's liveFloor holds it; or why it is missing. */
    Map<String, Object> floor(Path scratchRoot, PrintStream out) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("program", "tools/live/udp_pingpong.c");
        Path bin = scratchRoot.resolve("floor-bin");
        try {
            Files.createDirectories(bin);
            json.put("compiler", CCompiler.version());
            out.printf("asfast: the floor: %d round trips of the C UDP ping-pong on 127.0.0.1 ...%n", profile.live.floorRounds());
            json.put("c", UdpFloor.measure(bin, profile.live.floorRounds()).json());
        } catch (CCompiler.Unavailable | java.io.IOException e) {
            String why = "the C UDP floor is missing: " + e.getMessage();
            out.println("asfast: " + why);
            json.put("missing", why);
        } finally {
            FileTrees.delete(bin);
        }
        return json;
    }
}
