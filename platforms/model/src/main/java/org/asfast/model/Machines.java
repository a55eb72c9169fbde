package org.asfast.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The modelled machines' hardware, for other models to share: the distributed systems simulated on Cheriton's
 * SUN-3/75 (the model's {@code Sun3}, Ousterhout's Sun3), his MicroVAX II ({@code MVAX2}) and Douglis et al.'s Sun 3/60
 * ({@code Sun3/60}) use the parameters fitted on Ousterhout's tables.
 *
 * <p>A machine's parameters are looked up as a modelled row's are, without the operating system and configuration:
 * the machine, the machine it is like, its instruction-set family, its class, then {@code all}.
 */
public final class Machines {
    private Machines() {
    }

    /** Every modelled machine, in the order of the model's rows. */
    public static List<String> names() {
        return ModelRow.all().stream().map(ModelRow::machine).distinct().toList();
    }

    /** The machine's hardware with the shipped parameters. */
    public static MachineHardware hardware(String machine) {
        return hardware(machine, ModelParameters.bundled());
    }

    /** The machine's hardware with the given parameters (the shipped ones with any what-if laid over them). */
    public static MachineHardware hardware(String machine, ModelParameters parameters) {
        if (!names().contains(machine)) {
            throw new IllegalArgumentException("no modelled machine '" + machine + "'; the machines are " + String.join(", ", names()));
        }
        List<String> chain = chain(machine, parameters);
        return new MachineHardware(machine, find(parameters, chain, "mips"), find(parameters, chain, "kernel_cpi"),
                find(parameters, chain, "trap_instructions"), find(parameters, chain, "switched_registers"),
                find(parameters, chain, "cache"), find(parameters, chain, "cache_kb"), find(parameters, chain, "memory_mbs"),
                find(parameters, chain, "ethernet_mbps"), find(parameters, chain, "packet_bytes"),
                find(parameters, chain, "packet_header_bytes"), find(parameters, chain, "packet_instructions"),
                find(parameters, chain, "disk_seek_ms"), find(parameters, chain, "disk_rotation_ms"),
                find(parameters, chain, "disk_overhead_ms"), find(parameters, chain, "disk_track_kb"));
    }

    /** The subjects a machine's parameters are looked up in, most specific first. */
    static List<String> chain(String machine, ModelParameters parameters) {
        List<String> subjects = new ArrayList<>(List.of(machine));
        Parameter like = parameters.find(machine, "like");
        if (like != null) {
            subjects.add(like.value());
        }
        subjects.add("isa:" + find(parameters, subjects, "isa").value());
        subjects.add("class:" + find(parameters, subjects, "class").value());
        subjects.add("all");
        return subjects;
    }

    private static Parameter find(ModelParameters parameters, List<String> chain, String name) {
        Parameter p = ModelSpec.first(parameters, chain, name);
        if (p == null) {
            throw new IllegalStateException("the model's parameters give no " + name + " for " + chain.get(0) + " (looked in " + chain + ")");
        }
        return p;
    }
}
