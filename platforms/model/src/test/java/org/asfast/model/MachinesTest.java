package org.asfast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.List;
import org.asfast.sim.Simulation;
import org.junit.jupiter.api.Test;

/** The public view of a machine's hardware gives what the model itself runs each row with, source included. */
class MachinesTest {

    @Test
    void theSun360IsAFasterSun3WithItsOwnRating() {
        MachineHardware sun360 = Machines.hardware("Sun3/60");
        MachineHardware sun3 = Machines.hardware("Sun3");
        assertEquals(3.0, sun360.mips().number());
        assertTrue(sun360.mips().source().startsWith("documented:") && sun360.mips().source().contains("Douglis"), sun360.mips().source());
        assertEquals(1.8, sun3.mips().number());
        assertEquals(sun3.memoryMbs(), sun360.memoryMbs(), "the 3/60's memory system is the Sun-3/75's (its 'like')");
        assertEquals("class:cisc", sun360.kernelCpi().subject());
        assertEquals("class:cisc", Machines.hardware("MVAX2").trapInstructions().subject());
        assertTrue(Machines.hardware("MVAX2").trapInstructions().isCalibration(), "the trap is solved from Table 2's MVAX2 cell");
    }

    @Test
    void everyRowOfTheModelUsesTheSameHardwareParametersAsItsMachinesView() {
        List<String> checked = new java.util.ArrayList<>();
        for (ModelRow row : ModelRow.all()) {
            ModelSpec spec = new ModelSpec(row, ModelParameters.bundled());
            MachineHardware view = Machines.hardware(row.machine());
            for (RecordComponent component : MachineHardware.class.getRecordComponents()) {
                if (component.getType() != Parameter.class) {
                    continue;
                }
                Parameter viewed = value(component, view);
                Parameter used = spec.parameter(viewed.name());
                // A system may replace a machine's figure on its own (Mach's disk layout on the DS3100): the row names it.
                if (!used.subject().startsWith(row.machine() + "+")) {
                    assertEquals(used, viewed, row.platform() + " " + viewed.name());
                    checked.add(row.platform() + " " + viewed.name());
                }
            }
        }
        assertTrue(checked.size() > 31 * 14, "nearly every row and parameter compared: " + checked.size());
    }

    @Test
    void theViewsTimesAreTheModelsCharges() {
        MachineHardware view = Machines.hardware("Sun3");
        Hardware hw = new Hardware(new Simulation(), new ModelSpec(ModelRow.find("sun3-sunos3.5-local"), ModelParameters.bundled()));
        hw.kernel(1234.5);
        assertEquals(view.kernelNanos(1234.5), hw.clock.now(), 0.0);
        hw.user(1000);
        assertEquals(view.kernelNanos(1234.5) + view.userNanos(1000), hw.clock.now(), 0.0);
        assertEquals(1, view.packets(0));
        assertEquals(2, view.packets(1501));
        assertEquals((1501 + 2 * 100) * 8 / 10.0 * 1000, view.wireNanos(1501), 1e-9, "two packets' headers on a 10 Mbit/s wire");
    }

    @Test
    void anUnknownMachineIsRefusedWithTheNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Machines.hardware("Sun-3/75"));
        assertTrue(e.getMessage().contains("Sun3/60") && e.getMessage().contains("MVAX2"), e.getMessage());
        assertEquals(11, Machines.names().size(), "Table 1's ten machines and the Sun 3/60");
    }

    private static Parameter value(RecordComponent component, MachineHardware view) {
        try {
            return (Parameter) component.getAccessor().invoke(view);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
