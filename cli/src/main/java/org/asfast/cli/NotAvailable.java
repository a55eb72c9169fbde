package org.asfast.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.asfast.spi.CapabilityMissing;
import org.openjdk.jmh.runner.RunnerException;

/**
 * A workload a platform could not run because it lacks a capability the workload asks for: its cells are "n/a",
 * and the run goes on. Told from any other failure by the {@link CapabilityMissing} the JMH fork threw at set-up.
 */
record NotAvailable(String workload, String platform, String capability) {

    /** The capability missing if that is why this JMH run failed, else empty (a real failure). */
    static Optional<NotAvailable> of(RunnerException failure, String workload, String platform) {
        return find(failure, 0).map(missing -> new NotAvailable(workload, platform, missing.capability()));
    }

    private static Optional<CapabilityMissing> find(Throwable t, int depth) {
        if (t == null || depth > 10) {
            return Optional.empty();
        }
        if (t instanceof CapabilityMissing missing) {
            return Optional.of(missing);
        }
        for (Throwable suppressed : t.getSuppressed()) {
            Optional<CapabilityMissing> found = find(suppressed, depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return find(t.getCause(), depth + 1);
    }

    /** As environment.json's notAvailable lists it. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workload", workload);
        json.put("platform", platform);
        json.put("capability", capability);
        return json;
    }
}
