package org.asfast.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.asfast.host.CacheTopology;
import org.asfast.host.FileSystemInfo;
import org.asfast.host.HostEnvironment;
import org.asfast.host.HostMips;
import org.asfast.report.AtomicFiles;
import org.asfast.report.Run;
import org.asfast.spi.CacheSizes;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.Platforms;
import org.asfast.workloads.Bcopy;
import org.asfast.workloads.ReadFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** environment.json: everything a run's numbers depend on, and where they came from. */
final class RunEnvironment {
    private RunEnvironment() {
    }

    static Map<String, Object> describe(String runId, String profile, Instant started, Path target, HostMips mips) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("schema", Run.ENVIRONMENT_SCHEMA);
        env.put("runId", runId);
        env.put("profile", profile);
        env.put("startedAt", started.toString());
        env.put("finishedAt", Instant.now().toString());
        Map<String, Object> host = HostEnvironment.describe();
        host.put("hostname", hostname());
        env.put("host", host);
        env.put("hostMips", mipsRating(mips));
        FileSystemInfo fs = FileSystemInfo.of(target);
        Map<String, Object> targetInfo = new LinkedHashMap<>();
        targetInfo.put("path", target.toString());
        targetInfo.put("fileSystem", fs.type());
        targetInfo.put("mountPoint", fs.mountPoint());
        targetInfo.put("device", fs.device());
        targetInfo.put("mountOptions", fs.options());
        targetInfo.put("config", configOf(fs.type()));
        env.put("target", targetInfo);
        env.put("git", git());
        env.put("jmhVersion", org.openjdk.jmh.util.Version.getPlainVersion());
        return env;
    }

    /**
     * Every platform the run ran, with the kind its provider declares (measured, modelled, simulated or live) and the
     * provider: the report labels each platform's rows from this and from nothing else.
     */
    static Map<String, Object> platforms(List<String> real, List<String> modelled) {
        Map<String, Object> platforms = new LinkedHashMap<>();
        for (List<String> names : List.of(real, modelled)) {
            for (String name : names) {
                PlatformProvider provider = Platforms.providerOf(name);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("kind", provider.kind(name).label());
                p.put("provider", provider.getClass().getName());
                platforms.put(name, p);
            }
        }
        return platforms;
    }

    /** The host's rating, the spread of its trials in VAX MIPS, and the C Dhrystone beside it (or why there is none). */
    static Map<String, Object> mipsRating(HostMips mips) {
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("mips", mips.mips());
        rating.put("dhrystonesPerSecond", Double.isNaN(mips.dhrystonesPerSecond()) ? null : mips.dhrystonesPerSecond());
        rating.put("method", mips.method());
        if (mips.spread() != null) {
            rating.put("trials", spread(mips.spread()));
        }
        if (mips.c() != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("program", "tools/cbench/dhrystone.c");
            c.put("compiler", mips.c().compiler());
            c.put("flags", mips.c().flags());
            c.put("mips", mips.c().mips());
            c.put("trials", spread(mips.c().dhrystonesPerSecond().scaled(1 / 1757.0)));
            c.put("javaOverC", mips.javaOverC());
            rating.put("c", c);
        } else if (mips.cMissing() != null) {
            rating.put("c", Map.of("missing", mips.cMissing()));
        }
        return rating;
    }

    private static Map<String, Object> spread(org.asfast.host.TrialSpread spread) {
        Map<String, Object> trials = new LinkedHashMap<>();
        trials.put("count", spread.trials());
        trials.put("best", spread.best());
        trials.put("median", spread.median());
        trials.put("min", spread.min());
        trials.put("unit", "VAX MIPS");
        return trials;
    }

    /** The paper's configuration names for the file system the target is on. */
    static String configOf(String fileSystemType) {
        if (fileSystemType.startsWith("nfs")) {
            return "NFS";
        }
        if (fileSystemType.contains("afs")) {
            return "AFS";
        }
        return "Local";
    }

    /** The sizes the Java workloads use on this computer, by their own rules, which the C loops are given too. */
    static Map<String, Object> workloadParameters() {
        CacheSizes caches = CacheTopology.sizes();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("bcopy.CACHED", Bcopy.blockBytes(caches, Bcopy.Case.CACHED));
        params.put("bcopy.UNCACHED", Bcopy.blockBytes(caches, Bcopy.Case.UNCACHED));
        params.put("read.block", ReadFile.BLOCK_BYTES);
        params.put("read.file", ReadFile.fileBytes(caches.lastLevel()));
        return params;
    }

    private static Map<String, Object> git() {
        Map<String, Object> git = new LinkedHashMap<>();
        String commit = command("git", "rev-parse", "HEAD");
        git.put("commit", commit == null ? "unknown (not a git checkout, or git is missing)" : commit);
        String status = command("git", "status", "--porcelain", "--untracked-files=no");
        git.put("dirty", status == null ? null : !status.isEmpty());
        return git;
    }

    private static String hostname() {
        String name = command("hostname");
        return name == null ? "unknown" : name;
    }

    private static String command(String... argv) {
        try {
            Process p = new ProcessBuilder(List.of(argv)).redirectErrorStream(false).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return null;
                }
                return out;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static void write(Path file, Map<String, Object> environment) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(file, out -> json.writeValue(out, environment));
    }
}
