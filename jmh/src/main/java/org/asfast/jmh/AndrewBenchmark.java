package org.asfast.jmh;

import java.util.concurrent.TimeUnit;

import org.asfast.spi.Platform;
import org.asfast.workloads.Andrew;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tables 7 and 8: the modified Andrew benchmark, one run per invocation. "copy" times MakeDir, Copy,
 * ScanDir and ReadAll into a fresh directory; "compile" times javac on a copy made (untimed) just
 * before. Total is their sum.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AndrewBenchmark {

    @Benchmark
    public String copy(WrittenBack tree, VirtualTime time) {
        time.operations++;
        return tree.tree.workload.copyPhases();
    }

    @Benchmark
    public void compile(FreshCopy fresh, VirtualTime time) {
        time.operations++;
        fresh.tree.workload.compilePhase(fresh.name);
    }

    /** The platform and the installed source tree, for the whole trial. */
    public static class Tree extends OnPlatform<Andrew> {
        @Override
        protected Andrew create(Platform platform) {
            return new Andrew(platform);
        }
    }

    /** The tree, with the earlier copies' files written back, untimed, before each copy invocation. */
    @State(Scope.Thread)
    public static class WrittenBack {
        Tree tree;

        @Setup(Level.Invocation)
        public void writeBack(Tree tree) {
            this.tree = tree;
            VirtualTime.untimed(tree.workload::writeBack);
        }
    }

    /** A copy of the tree made, untimed, before each compile invocation. */
    @State(Scope.Thread)
    public static class FreshCopy {
        Tree tree;
        String name;

        // JMH hands a state's setup its own instance of a dependency, so the compile uses the
        // tree that made the copy rather than a second one.
        @Setup(Level.Invocation)
        public void make(Tree tree) {
            this.tree = tree;
            name = VirtualTime.untimed(tree.workload::copyPhases);
            VirtualTime.untimed(tree.workload::writeBack); // the copy just made, and what the runs before it left
        }
    }
}
