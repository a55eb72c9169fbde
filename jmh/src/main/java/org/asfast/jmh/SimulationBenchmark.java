package org.asfast.jmh;

import java.util.concurrent.TimeUnit;
import org.asfast.sim.FifoResource;
import org.asfast.sim.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The discrete-event kernel's own speed, in events per second (the score: one operation is one event run). Three
 * patterns, each a fresh simulation running {@link #EVENTS} events:
 * <ul>
 * <li>{@code timers}: {@code actors} timers, each rescheduling itself with its own period (many ties);</li>
 * <li>{@code fifoResource}: {@code actors} clients, each using one FIFO resource (a disk, a link) again as soon as
 *     its last job finishes, so {@code actors} jobs are always queued;</li>
 * <li>{@code calls}: a synchronous caller charging its own work ({@link Simulation#advance}) and making calls that
 *     are a request event and a reply event, waiting with {@link Simulation#runUntil(java.util.function.BooleanSupplier)},
 *     while {@code actors} background timers tick, as a modelled machine's workload does.</li>
 * </ul>
 * Not part of the main job: run it with {@code org.openjdk.jmh.Main SimulationBenchmark} (see the README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class SimulationBenchmark {
    /** Events run per benchmark invocation. */
    public static final int EVENTS = 100_000;

    @Param({"1", "1000"})
    public int actors;

    /** Each actor's own period, so that events interleave and sometimes fall at the same time. */
    static double period(int actor) {
        return 1 + (actor * 7919L) % 1000;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long timers() {
        return timers(actors);
    }

    static long timers(int actors) {
        Simulation sim = new Simulation();
        int[] left = {EVENTS};
        for (int a = 0; a < actors; a++) {
            double period = period(a);
            Runnable[] tick = new Runnable[1];
            tick[0] = () -> {
                if (--left[0] >= actors) { // the last `actors` events schedule nothing more
                    sim.schedule(period, tick[0]);
                }
            };
            sim.schedule(period, tick[0]);
        }
        sim.run();
        return sim.eventsRun();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long fifoResource() {
        return fifoResource(actors);
    }

    static long fifoResource(int actors) {
        Simulation sim = new Simulation();
        FifoResource disk = new FifoResource(sim, "disk");
        int[] left = {EVENTS};
        for (int a = 0; a < actors; a++) {
            double job = period(a);
            Runnable[] again = new Runnable[1];
            again[0] = () -> {
                if (--left[0] >= actors) {
                    disk.use(job, again[0]);
                }
            };
            disk.use(job, again[0]);
        }
        sim.run();
        return sim.eventsRun();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long calls() {
        return calls(actors);
    }

    static long calls(int actors) {
        Simulation sim = new Simulation();
        int[] background = {0};
        for (int a = 0; a < actors; a++) {
            double period = 1000 * period(a);
            Runnable[] tick = new Runnable[1];
            tick[0] = () -> {
                background[0]++;
                sim.schedule(period, tick[0]);
            };
            sim.schedule(period, tick[0]);
        }
        boolean[] replied = {false};
        while (sim.eventsRun() < EVENTS) {
            sim.advance(50); // the caller's own work
            replied[0] = false;
            sim.schedule(400, () -> sim.schedule(300, () -> replied[0] = true)); // request there, reply back
            sim.runUntil(() -> replied[0]);
        }
        return sim.eventsRun();
    }
}
