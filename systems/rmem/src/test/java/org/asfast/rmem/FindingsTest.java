package org.asfast.rmem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.asfast.nodes.Work;
import org.asfast.systems.SystemParameters;
import org.junit.jupiter.api.Test;

/** The paper's findings, as the simulation gives them. */
class FindingsTest {
    private final SystemParameters parameters = RmemSimulated.parameters();

    @Test
    void pureDataTransferLoadsTheServerLessThanHybrid1ForEveryOperationOfTheMix() {
        for (FileService.Operation op : FileService.operations()) {
            FileService.Alone dx = FileService.alone(parameters, op, FileService.Scheme.DX, 3);
            FileService.Alone hybrid = FileService.alone(parameters, op, FileService.Scheme.HYBRID_1, 3);
            assertTrue(dx.serverTotalMicros() < hybrid.serverTotalMicros(), op.name() + ": DX " + dx.serverTotalMicros() + " us, Hybrid-1 " + hybrid.serverTotalMicros());
            assertEquals(0.0, dx.serverMicros().get(Work.CONTROL_TRANSFER), op.name() + ": DX transfers no control on the server");
            assertEquals(0.0, dx.serverMicros().get(Work.PROCEDURE), op.name() + ": DX runs no server procedure");
            assertTrue(hybrid.serverMicros().get(Work.CONTROL_TRANSFER) > 0 && hybrid.serverMicros().get(Work.PROCEDURE) > 0, op.name());
        }
    }

    @Test
    void aRemoteReadIsCheaperThanARoundTripThroughAServerProcedure() {
        FileService.Operation ping = FileService.operations().stream().filter(o -> o.name().equals("Null Ping Call")).findFirst().orElseThrow();
        double read = RmemCells.one(RmemCells.PAPER + " | 2 | DECstation 5000/200 | Ultrix + remote memory | Latency | Read", parameters);
        double rpc = FileService.alone(parameters, ping, FileService.Scheme.HYBRID_1, 3).latencyMicros();
        assertTrue(read < rpc, "READ " + read + " us, Hybrid-1 null call " + rpc + " us");
    }

    @Test
    void theLoadRatioAveragesTheOperationsThatMoveDataEachOnceAndTheMixWeightedOneWeighsByCalls() {
        double dx = 0;
        double hybrid = 0;
        double dxWeighted = 0;
        double hybridWeighted = 0;
        List<FileService.Alone> figures = FileService.figures(parameters);
        assertEquals(2 * FileService.operations().size(), figures.size());
        for (FileService.Alone a : figures) {
            Map<Work, Double> split = a.serverMicros();
            double sum = split.values().stream().mapToDouble(Double::doubleValue).sum();
            double once = a.operation().dataBytes() > 0 ? sum : 0;
            if (a.scheme() == FileService.Scheme.DX) {
                dx += once;
                dxWeighted += a.operation().calls() * sum;
            } else {
                hybrid += once;
                hybridWeighted += a.operation().calls() * sum;
            }
        }
        assertEquals(dx / hybrid, FileService.loadRatio(parameters), 1e-12);
        assertEquals(dxWeighted / hybridWeighted, FileService.mixWeightedLoadRatio(FileService.figures(parameters)), 1e-12);
        assertEquals(dx / hybrid, FileService.loadRatio(figures, 0), 1e-12, "from figures already simulated, as ./asfast rmem takes it");
        assertEquals(dxWeighted / hybridWeighted, FileService.readings(figures).get("total over total, weighted by Table 1a's calls"), 1e-12);
        assertEquals(dxWeighted / hybridWeighted, FileService.mixWeightedLoadRatio(figures), 1e-12);
        assertEquals(7, FileService.operations().stream().filter(o -> o.dataBytes() > 0).count(), "Table 1b's seven operations; a Null Ping moves no data");
        assertTrue(dx / hybrid < 0.5 && dxWeighted / hybridWeighted < dx / hybrid,
                "less than half, as the paper says; less still over the mix, where small metadata reads dominate");
    }
}
