package org.asfast.cli;

/**
 * How long JMH measures. Quick is what the main job runs by default (about a minute of measuring on
 * two cores); full ("./asfast verify --full") has three forks and longer iterations, for figures to publish.
 */
enum Profile {
    QUICK(1, 3, 300, 5, 300, 6, 5),
    FULL(3, 5, 1000, 10, 1000, 15, 10);

    final int forks;
    final int warmupIterations;
    final int warmupMillis;
    final int measurementIterations;
    final int measurementMillis;
    /** Single-shot benchmarks (Andrew): warm-up and measured invocations per fork. javac keeps speeding up for a dozen runs. */
    final int singleShotWarmups;
    final int singleShotMeasurements;

    Profile(int forks, int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
            int singleShotWarmups, int singleShotMeasurements) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.singleShotWarmups = singleShotWarmups;
        this.singleShotMeasurements = singleShotMeasurements;
    }
}
