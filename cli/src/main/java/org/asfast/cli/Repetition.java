package org.asfast.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.asfast.report.Settling;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Which JMH results have not settled, and pooling a repeated fork's iterations with the earlier ones. */
final class Repetition {
    private Repetition() {
    }

    /** A result's mean and 99.9% interval. */
    record Summary(double score, double low, double high) {
        double relativeHalfWidth() {
            return Settling.relativeHalfWidth(score, low, high);
        }
    }

    static Summary summary(RunResult result) {
        Result<?> primary = result.getPrimaryResult();
        double[] interval = primary.getScoreConfidence();
        return new Summary(primary.getScore(), interval[0], interval[1]);
    }

    /** The indexes of the unsettled results, the least settled first. */
    static List<Integer> unsettled(List<Summary> summaries) {
        return IntStream.range(0, summaries.size()).boxed()
                .filter(i -> !Settling.settled(summaries.get(i).score(), summaries.get(i).low(), summaries.get(i).high()))
                .sorted(Comparator.comparingDouble((Integer i) -> summaries.get(i).relativeHalfWidth()).reversed())
                .toList();
    }

    /** One result with the forks of both: JMH then computes its mean and interval over all their iterations. */
    static RunResult pooled(RunResult first, RunResult more) {
        List<BenchmarkResult> forks = new ArrayList<>(first.getBenchmarkResults());
        forks.addAll(more.getBenchmarkResults());
        return new RunResult(first.getParams(), forks);
    }

    /** "(pipes=TEN_EMPTY)" or "" for the messages. */
    static String paramsOf(RunResult result) {
        List<String> pairs = new ArrayList<>();
        for (String key : result.getParams().getParamsKeys()) {
            pairs.add(key + "=" + result.getParams().getParam(key));
        }
        return pairs.isEmpty() ? "" : "(" + String.join(", ", pairs) + ")";
    }
}
