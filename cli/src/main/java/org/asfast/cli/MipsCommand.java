package org.asfast.cli;

import java.util.concurrent.Callable;

import org.asfast.host.HostMips;

import picocli.CommandLine.Command;

/** Measures and prints the host's VAX MIPS rating. */
@Command(name = "mips", mixinStandardHelpOptions = true, description = "Measure this computer's integer speed in VAX MIPS with Dhrystone 2.1.")
final class MipsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        HostMips mips = HostMips.measure();
        System.out.printf("%.0f VAX MIPS%n%s%n", mips.mips(), mips.method());
        return 0;
    }
}
