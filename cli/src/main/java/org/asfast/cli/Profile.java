package org.asfast.cli;

/**
 * How long JMH measures. Quick is what the main job runs by default; full ("./asfast verify --full")
 * has three forks and longer iterations.
 *
 * <p>Both aim at figures that settle: a 99.9% interval no wider than ±5% of the mean. Many short
 * iterations narrow the interval faster than a few long ones (Student's t at 99.9% is 8.6 for 5
 * iterations, 4.1 for 16, 3.9 for 20); a figure that has not settled after the first forks gets another fork,
 * whose iterations are pooled with the first ones, up to {@code maxForks} and within
 * {@code repeatSeconds} for the whole run.
 *
 * <p>Quick may give a figure five forks, as full does, within its 45 s: a timed fork costs about 3 s (its iterations and
 * a JVM's start), and a figure whose level the host moves between forks needs them. The cross-CPU round trip (each
 * wake-up of the other, idle, virtual CPU goes through the hypervisor here; README, "Table 3's cross-CPU row") sits at
 * about 46 µs with spells of seconds at about 56: in the main job on a fresh clone of 969fdbf, a first fork in such a
 * spell (55 µs) and two out of it (44 and 45 µs) pooled to ±7.3%, and each further fork out of it weighs the spell less.
 * A figure's repeated forks start at least {@link Repetition#SPACING_NANOS} apart, so that they are not all in one spell.
 */
enum Profile {
    QUICK(1, 3, 200, 16, 100, 5, 45, 135, 8, 20, 7, 50, new Live(2, 100, 10, 50, 20_000, false)),
    FULL(3, 5, 1000, 10, 1000, 5, 300, 0, 25, 20, 20, 100, new Live(3, 500, 10, 500, 100_000, true));

    /**
     * The live systems' cells: one fork each (its server nodes start with it, a second or two), iterations of
     * sampled calls, and the round trips of the C UDP ping-pong that is their floor. Most live cells are sampled
     * (JMH's SampleTime: their interval comes from every sampled call, however the iterations split them), so quick measures
     * 10 iterations of 50 ms, half a second of calls; the few averaged cells (a block-write throughput, the file
     * workloads' averages) get Student's t at 99.9% of 4.8 from 10 iterations.
     *
     * <p>Single-shot cells (Andrew on the live file services) run in the full profile only ({@code singleShots}), an
     * iteration a shot, in a JVM as the host's (C1 only, a fixed heap, a collection between shots). Their forks cost what
     * the quick job does not have: with one warm-up and three shots the eight cells took 111 s on a loaded machine, an
     * Amoeba BULLET/DIR compile alone 37 s (each copied file and class committed through to the store file, the directory
     * entry to both replicas), where the main job has about 30 s left of its 5 minutes.
     */
    record Live(int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis, int floorRounds, boolean singleShots) {
    }

    final int forks;
    final int warmupIterations;
    final int warmupMillis;
    final int measurementIterations;
    final int measurementMillis;
    /** Forks a figure may get in all, when the first ones leave it unsettled. */
    final int maxForks;
    /** Time the whole run may spend on extra forks. */
    final int repeatSeconds;
    /**
     * Time the host benchmarks may take in all, first forks and repeats (0: no limit): no repeat starts after it. The
     * quick job's five minutes also hold the build (15 s), host MIPS (11 s), the C loops, the live pass (132 s on a
     * 2-vCPU AMD EPYC VM) and the report; on that machine the first forks alone took about 120 s, and with the whole
     * 45 s of repeats the quick job took 6 min 15 s.
     */
    final int hostSeconds;
    /**
     * Single-shot benchmarks (Andrew): warm-up and measured invocations per fork. On C1 alone at its default thresholds javac took
     * 12 to 22 compiles to reach its steady time, a different number in each fork; with the thresholds scaled down
     * (RunCommand.SINGLE_SHOT_JIT) it is there by its second or third. One compile varies by 5-10% (sd), so the quick profile warms
     * up with 8 and measures 20.
     */
    final int singleShotWarmups;
    final int singleShotMeasurements;
    /** The C loops: trials per figure after one warm-up trial, and each trial's length. */
    final int cTrials;
    final int cTrialMillis;
    final Live live;

    Profile(int forks, int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis, int maxForks, int repeatSeconds,
            int hostSeconds, int singleShotWarmups, int singleShotMeasurements, int cTrials, int cTrialMillis, Live live) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.maxForks = maxForks;
        this.repeatSeconds = repeatSeconds;
        this.hostSeconds = hostSeconds;
        this.singleShotWarmups = singleShotWarmups;
        this.singleShotMeasurements = singleShotMeasurements;
        this.cTrials = cTrials;
        this.cTrialMillis = cTrialMillis;
        this.live = live;
    }
}
