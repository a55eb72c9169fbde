package org.asfast.report;

import java.util.Map;

/**
 * One benchmark's primary result from a JMH JSON file.
 *
 * @param benchmark the fully qualified benchmark method
 * @param params its @Param values
 * @param score the mean, in {@code unit}
 * @param low the lower bound of JMH's 99.9% confidence interval, NaN when JMH could not compute one
 * @param high the upper bound
 * @param unit JMH's score unit, e.g. {@code ns/op}
 * @param samples how many measurement iterations the score is made of
 * @param secondary JMH's secondary results by name ("virtualNanos", "operations" and "bytes", from VirtualTime)
 */
public record JmhResult(String benchmark, Map<String, String> params, double score, double low, double high, String unit, int samples,
                        Map<String, Double> secondary) {

    /**
     * Modelled time per operation in nanoseconds, when the platform's clock was virtual: the
     * virtual time its clock advanced over the operations done. Empty for real platforms.
     */
    public java.util.OptionalDouble virtualNanosPerOperation() {
        double nanos = secondary.getOrDefault("virtualNanos", 0.0);
        double operations = secondary.getOrDefault("operations", 0.0);
        return nanos > 0 && operations > 0 ? java.util.OptionalDouble.of(nanos / operations) : java.util.OptionalDouble.empty();
    }

    /** Bytes moved per operation, as the benchmark counted them, or NaN if it counted none. */
    public double bytesPerOperation() {
        double bytes = secondary.getOrDefault("bytes", 0.0);
        double operations = secondary.getOrDefault("operations", 0.0);
        return bytes > 0 && operations > 0 ? bytes / operations : Double.NaN;
    }

    /** Seconds per operation for one unit of this result's score. */
    public double secondsPerUnit() {
        String time = unit.substring(0, unit.indexOf('/'));
        return switch (time) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            case "min" -> 60.0;
            default -> throw new IllegalArgumentException("not a time-per-operation unit: " + unit);
        };
    }
}
