package org.asfast.systems;

import java.util.ArrayList;
import java.util.List;
import org.asfast.model.MachineHardware;
import org.asfast.model.Machines;
import org.asfast.model.ModelParameters;
import org.asfast.model.ModelRow;
import org.asfast.model.ModelSpec;
import org.asfast.model.Parameter;
import org.asfast.sim.cluster.Hardware;

/**
 * A machine of the Ousterhout model as a simulated system sees it: the parameters it reuses, each with the
 * model's source, so that a cell predicted from parameters calibrated on Ousterhout's tables is out-of-sample.
 * The machine is named by one of the model's platforms on it (its operating system gives the UNIX-side
 * figures, such as Sprite's context switch).
 */
public final class ModelHardware {
    private final List<Parameter> parameters;
    private final MachineHardware machine;

    private ModelHardware(List<Parameter> parameters, MachineHardware machine) {
        this.parameters = parameters;
        this.machine = machine;
    }

    /**
     * The machine under one of the model's platforms, e.g. {@code sun3-60-sprite-local}, with the shipped parameters:
     * the machine's public view (Machines.hardware: MIPS, kernel CPI, memory, trap, registers, Ethernet) and the
     * operating-system figures {@code more} names (Sprite's context switch, say).
     */
    public static ModelHardware of(String modelPlatform, String... more) {
        ModelRow row = ModelRow.find(modelPlatform);
        if (row == null) {
            throw new IllegalArgumentException("the model has no platform '" + modelPlatform + "'");
        }
        MachineHardware machine = Machines.hardware(row.machine());
        List<Parameter> found = new ArrayList<>(List.of(machine.mips(), machine.kernelCpi(), machine.memoryMbs(), machine.trapInstructions(),
                machine.switchedRegisters(), machine.ethernetMbps(), machine.packetBytes()));
        ModelSpec spec = new ModelSpec(row, ModelParameters.bundled()); // the operating system's figures on that machine
        for (String name : more) {
            found.add(spec.parameter(name));
        }
        return new ModelHardware(List.copyOf(found), machine);
    }

    /**
     * The same machine with its disk as a simulated node's storage charges it (disk_access_ms, disk_transfer_mbs),
     * from the model's disk: a command's controller overhead, a seek and half a rotation (the mean wait for a block
     * whose angle is unknown, as the model's Disk waits), then the track passing under the head once a rotation.
     */
    public ModelHardware withDisk() {
        Parameter seek = machine.diskSeekMs();
        Parameter rotation = machine.diskRotationMs();
        Parameter track = machine.diskTrackKb();
        double accessMs = machine.diskOverheadMs().number() + seek.number() + rotation.number() / 2;
        double transferMbs = track.number() / 1024 / (rotation.number() / 1000);
        List<Parameter> more = new ArrayList<>(parameters);
        more.add(new Parameter(machine.machine(), "disk_access_ms", Double.toString(accessMs), "ms", seek.source()
                + " (disk_access_ms is the model's disk_overhead_ms + this disk_seek_ms + half of disk_rotation_ms)"));
        more.add(new Parameter(machine.machine(), "disk_transfer_mbs", Double.toString(transferMbs), "MB/s", track.source()
                + " (disk_transfer_mbs is the model's disk_track_kb passing the head once every disk_rotation_ms)"));
        return new ModelHardware(List.copyOf(more), machine);
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The simulated CPU and memory of a machine with these parameters. */
    public static Hardware processor(String name, SystemParameters p) {
        return new Hardware(name, p.number("mips"), p.number("kernel_cpi"), p.number("memory_mbs"));
    }
}
