package org.asfast.rmem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.asfast.nodes.Work;
import org.asfast.systems.SystemParameters;
import org.junit.jupiter.api.Test;

class FileServiceTest {
    private final SystemParameters parameters = RmemSimulated.parameters();

    private FileService.Operation named(String name) {
        return FileService.operations().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void hybrid1sWriteProcedureCopiesTheRequestsDataIntoTheCacheAndOtherProceduresCopyNothing() {
        FileService.Operation write = named("Write File Data");
        double writeProcedure = FileService.alone(parameters, write, FileService.Scheme.HYBRID_1, 2).serverMicros().get(Work.PROCEDURE);
        double getattrProcedure = FileService.alone(parameters, named("Get File Attribute"), FileService.Scheme.HYBRID_1, 2).serverMicros().get(Work.PROCEDURE);
        double copyMicros = write.dataBytes() / (2 * parameters.number("memory_mbs") * (1 << 20)) * 1e6;
        assertEquals(copyMicros, writeProcedure - getattrProcedure, 1e-6, "the write's data, copied once from cache to cache: twice the memory's rate");
        assertEquals(0.0, FileService.alone(parameters, write, FileService.Scheme.DX, 2).serverMicros().get(Work.PROCEDURE),
                "DX's clerk writes straight into the cache: no procedure");
    }
}
