package org.asfast.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Counts the threads and open descriptors of the benchmark JVMs (JMH's forks) while they run, once a
 * second from /proc, so that the C loops can be run as a process of the same shape.
 */
final class ForkSampler implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "asfast-fork-sampler");
        t.setDaemon(true);
        return t;
    });
    private final List<Integer> threads = new ArrayList<>();
    private final List<Integer> descriptors = new ArrayList<>();

    /** What the samples found. {@code threads} is the most seen, {@code descriptors} the median; both 0 with no sample. */
    record Shape(int threads, int descriptors, int samples) {
    }

    static ForkSampler start() {
        ForkSampler sampler = new ForkSampler();
        sampler.timer.scheduleAtFixedRate(sampler::sample, 1, 1, TimeUnit.SECONDS);
        return sampler;
    }

    private void sample() {
        try (Stream<ProcessHandle> children = ProcessHandle.current().descendants()) {
            children.filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).forEach(p -> {
                Path proc = Path.of("/proc", String.valueOf(p.pid()));
                try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                    int count = (int) fds.count();
                    int n = threadsOf(Files.readAllLines(proc.resolve("status")));
                    synchronized (this) {
                        if (n > 0) {
                            threads.add(n);
                            descriptors.add(count);
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // the fork ended between listing and reading; the next sample finds the next one
                }
            });
        }
    }

    /** The "Threads:" count of a /proc/PID/status file, or 0 if it has none. */
    static int threadsOf(List<String> status) {
        for (String line : status) {
            if (line.startsWith("Threads:")) {
                try {
                    return Integer.parseInt(line.substring("Threads:".length()).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** The samples taken so far, summarised. */
    synchronized Shape shape() {
        return summarise(threads, descriptors);
    }

    static Shape summarise(List<Integer> threads, List<Integer> descriptors) {
        if (threads.isEmpty()) {
            return new Shape(0, 0, 0);
        }
        List<Integer> sorted = descriptors.stream().sorted().toList();
        return new Shape(threads.stream().mapToInt(Integer::intValue).max().orElse(0), sorted.get(sorted.size() / 2), threads.size());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
