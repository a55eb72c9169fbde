package org.asfast.v;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asfast.model.MachineHardware;
import org.asfast.model.Machines;
import org.asfast.model.ModelParameters;
import org.asfast.model.Parameter;
import org.asfast.sim.cluster.Hardware;

/**
 * The parameters of V on one modelled machine. The machine's hardware (MIPS rating, kernel CPI, memory
 * speed, disk) is the modelled 1990 machine's, fitted on Ousterhout's tables: Cheriton's SUN-3/75 is
 * Ousterhout's Sun3 and his MicroVAX II is the MVAX2. V's own costs (its kernel operations, VMTP, UIO)
 * are rows of {@code parameters.csv} beside this class, each with its source, in the model's format:
 * {@code documented:}, {@code assumption:} or {@code calibration: <the one paper cell it was solved from>}.
 */
public final class VParameters {
    private static final String UNIX = "UNIX (VMTP)";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).build();
    private final String machine;
    private final Map<String, Parameter> rows;

    private VParameters(String machine, Map<String, Parameter> rows) {
        this.machine = machine;
        this.rows = rows;
    }

    /** V's parameters on a machine of the model ({@code Sun3} or {@code MVAX2}), with any changes applied last. */
    public static VParameters on(String machine, List<Parameter> changes) {
        Map<String, Parameter> rows = new LinkedHashMap<>();
        MachineHardware hardware = Machines.hardware(machine);
        for (Parameter p : List.of(hardware.mips(), hardware.kernelCpi(), hardware.memoryMbs())) {
            rows.put(p.name(), new Parameter(machine, p.name(), p.value(), p.unit(), "model: " + p.subject() + "/" + p.name() + ", " + p.source()));
        }
        // The cluster's disk: one access (seek, half a rotation, controller) and the platter's transfer rate.
        double rotationMs = hardware.diskRotationMs().number();
        double accessMs = hardware.diskSeekMs().number() + rotationMs / 2 + hardware.diskOverheadMs().number();
        double transferMbs = hardware.diskTrackKb().number() / 1024 / (rotationMs / 1000);
        rows.put("disk_access_ms", new Parameter(machine, "disk_access_ms", Double.toString(accessMs), "ms",
                "model: disk_seek_ms + disk_rotation_ms/2 + disk_overhead_ms of " + machine));
        rows.put("disk_transfer_mbs", new Parameter(machine, "disk_transfer_mbs", Double.toString(transferMbs), "MB/s",
                "model: disk_track_kb per disk_rotation_ms of " + machine));
        for (Parameter p : bundled()) {
            if (p.subject().equals("V") || p.subject().equals(machine)) {
                rows.put(p.name(), p);
            }
        }
        for (Parameter p : changes) {
            if (!rows.containsKey(p.name())) {
                throw new IllegalArgumentException("V has no parameter '" + p.name() + "'; choose one of " + String.join(", ", rows.keySet()));
            }
            if (p.subject().equals("V") || p.subject().equals(machine)) {
                rows.put(p.name(), p);
            }
        }
        return new VParameters(machine, rows);
    }

    /**
     * Cheriton's "UNIX kernel implementation of VMTP" on a machine of the model: the same VMTP code as V's (its
     * parameters, with any changes), but every Send, Receive and Reply is a UNIX system call, every process switch
     * UNIX's, and every packet goes through UNIX's network driver and protocol layer. Those three costs are the
     * Ousterhout model's for a 4.3 BSD kernel on that machine: the system call and the switch fitted on his tables,
     * the per-packet work an assumption of the model's; nothing here names a cell of Cheriton's.
     */
    public static VParameters onUnix(String machine, List<Parameter> changes) {
        VParameters v = on(machine, changes);
        Map<String, Parameter> rows = new LinkedHashMap<>(v.rows);
        ModelParameters model = ModelParameters.bundled();
        MachineHardware hardware = Machines.hardware(machine);
        Parameter trap = hardware.trapInstructions();
        Parameter kernelOperation = rows.get("kernel_operation_instructions");
        rows.put(kernelOperation.name(), new Parameter(UNIX, kernelOperation.name(), Double.toString(trap.number() + kernelOperation.number()), "instructions",
                "model: trap_instructions of " + machine + " (" + trap.source() + ") for the system call's entry and exit, plus V's "
                        + kernelOperation.name() + " for the same VMTP operation inside (" + kernelOperation.source() + ")"));
        Parameter bsdSwitch = model.find("os:BSD", "switch_instructions");
        rows.put("process_switch_instructions", new Parameter(UNIX, "process_switch_instructions", bsdSwitch.value(), "instructions",
                "model: os:BSD/switch_instructions, the 4.3 BSD process switch (" + bsdSwitch.source() + ")"));
        Parameter packet = hardware.packetInstructions();
        rows.put("packet_instructions", new Parameter(UNIX, "packet_instructions", packet.value(), "instructions",
                "model: packet_instructions of " + machine + ", a BSD kernel's driver and protocol work per packet on each side (" + packet.source() + ")"));
        return new VParameters(machine, rows);
    }

    /** The rows of V's own parameter file. */
    public static List<Parameter> bundled() {
        try (InputStream in = VParameters.class.getResourceAsStream("parameters.csv")) {
            if (in == null) {
                throw new IllegalStateException("org/asfast/v/parameters.csv is missing from the class path");
            }
            List<Parameter> rows = new ArrayList<>();
            for (CSVRecord r : FORMAT.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                rows.add(new Parameter(r.get("subject"), r.get("parameter"), r.get("value"), r.get("unit"), r.get("source")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String machine() {
        return machine;
    }

    public double number(String name) {
        Parameter p = rows.get(name);
        if (p == null) {
            throw new IllegalStateException("V has no parameter '" + name + "' on " + machine + "; add it to org/asfast/v/parameters.csv");
        }
        return p.number();
    }

    /** Every parameter with its source, for the run's environment. */
    public Map<String, Parameter> rows() {
        return Map.copyOf(rows);
    }

    /** The numbers, as the nodes read them through {@code NodeContext.parameter}. */
    public Map<String, Double> forNodes() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        rows.forEach((name, p) -> numbers.put(name, p.number()));
        return numbers;
    }

    /** The simulated processor: the model's rating, kernel CPI and memory speed. */
    public Hardware hardware() {
        return new Hardware(machine, number("mips"), number("kernel_cpi"), number("memory_mbs"));
    }
}
