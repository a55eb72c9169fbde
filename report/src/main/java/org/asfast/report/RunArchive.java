package org.asfast.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.asfast.spi.FileTrees;
import org.asfast.spi.UserError;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Moves runs between machines: {@link #export} zips a run folder (its results, not its report,
 * which is rebuilt from them), {@link #importRun} brings in such a zip or a run folder. An imported
 * run is checked like any run ({@link Run#load}: schema, JMH results) before it lands in
 * results/runs/, and keeps its own environment.json, so its MIPS and machine stay its own.
 */
public final class RunArchive {
    /** A run id is a file name: no separators, no dot first (hidden, or "..") . */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    /** Limits on what an archive may unpack to, against zip bombs: a full run's files are a few MB. */
    private static final long MAX_BYTES = 512L << 20;
    private static final int MAX_ENTRIES = 10_000;
    private static final String REPORT = "report";

    private RunArchive() {
    }

    /** The id as a folder name, or a one-line error. */
    static String requireSafeId(String id, Object where) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new UserError(where + " names its run '" + id + "', which is not a plain folder name; it is damaged or not an asfast run");
        }
        return id;
    }

    /** Where a run was measured: its host name and CPU. */
    static String machineOf(JsonNode environment) {
        JsonNode host = environment.path("host");
        return host.path("hostname").asText("unknown host") + " (" + host.path("cpuModel").asText("unknown CPU") + ")";
    }

    /** Two runs may not share an id: their folders, pages and columns would collide. */
    static void requireDistinctIds(List<Run> runs) {
        Map<String, Run> byId = new HashMap<>();
        for (Run run : runs) {
            Run other = byId.putIfAbsent(run.id(), run);
            if (other != null) {
                String a = machineOf(other.environment());
                String b = machineOf(run.environment());
                throw new UserError(a.equals(b)
                        ? "run " + run.id() + " is given twice (" + other.dir() + " and " + run.dir() + "); give each run once"
                        : "two runs have the id " + run.id() + " but come from different machines (" + a + " and " + b
                                + "); keep one, or rename one's folder and its environment.json runId");
            }
        }
    }

    /**
     * Zips results/runs/&lt;id&gt;/ into {@code archive}, every file but the report, under a folder named
     * by the id. Refuses to overwrite an existing file.
     */
    public static Path export(Path runsDir, String id, Path archive) {
        requireSafeId(id, "the command line");
        Run run = Run.load(runsDir.resolve(id));
        if (Files.exists(archive)) {
            throw new UserError(archive + " already exists; remove it or give another --output");
        }
        Path parent = archive.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new UserError("the folder " + parent + " for " + archive.getFileName() + " does not exist; create it first");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(run.dir())) {
            walk.filter(Files::isRegularFile).filter(f -> !run.dir().relativize(f).startsWith(REPORT)).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UserError("cannot read run folder " + run.dir() + ": " + e.getMessage());
        }
        AtomicFiles.writeBytes(archive, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Path file : files) {
                    zip.putNextEntry(new ZipEntry(run.id() + "/" + run.dir().relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
        });
        return archive;
    }

    /** What an import did. */
    public record Imported(Run run, boolean alreadyThere) {
    }

    /**
     * Brings a run folder or an archive made by {@link #export} into {@code runsDir}. Everything is
     * checked in a scratch folder first; on any error nothing is left in runsDir.
     */
    public static Imported importRun(Path source, Path runsDir) {
        if (!Files.exists(source)) {
            throw new UserError(source + " does not exist; give a run folder or an archive made by ./asfast export");
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("asfast-import-");
            Path runDir;
            if (Files.isDirectory(source)) {
                runDir = source;
            } else {
                unzip(source, scratch);
                runDir = runFolderIn(scratch, source);
            }
            Run run = Run.load(runDir);
            requireSafeId(run.id(), source);
            Path destination = runsDir.resolve(run.id());
            if (Files.exists(destination)) {
                Run existing = Run.load(destination);
                if (!machineOf(existing.environment()).equals(machineOf(run.environment()))) {
                    throw new UserError("run " + run.id() + " is already in " + runsDir + " from another machine (" + machineOf(existing.environment())
                            + "; this one is from " + machineOf(run.environment()) + "); two runs may not share an id");
                }
                if (!existing.environment().equals(run.environment())) {
                    throw new UserError("run " + run.id() + " is already in " + runsDir + " with a different environment.json; remove it first to replace it");
                }
                return new Imported(existing, true);
            }
            Files.createDirectories(runsDir);
            Path staging = Files.createTempDirectory(runsDir, ".import-");
            try {
                copyRun(runDir, staging);
                AtomicFiles.readableByAll(staging);
                Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            } finally {
                ReportGenerator.deleteQuietly(staging);
            }
            return new Imported(Run.load(destination), false);
        } catch (IOException e) {
            throw new UserError("cannot import " + source + ": " + e.getMessage());
        } finally {
            if (scratch != null) {
                FileTrees.delete(scratch);
            }
        }
    }

    /** Unpacks a zip, refusing any entry that would land outside {@code into} (zip-slip) and archives too large to be a run. */
    static void unzip(Path archive, Path into) {
        long total = 0;
        int entries = 0;
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new UserError(archive + " has more than " + MAX_ENTRIES + " entries; it is not a run archive made by ./asfast export");
                }
                Path target = into.resolve(entry.getName()).normalize();
                if (entry.getName().startsWith("/") || !target.startsWith(into) || target.equals(into)) {
                    throw new UserError(archive + " has an entry outside its folder (" + entry.getName() + "); refusing to unpack it");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                        total += n;
                        if (total > MAX_BYTES) {
                            throw new UserError(archive + " unpacks to more than " + (MAX_BYTES >> 20) + " MB; it is not a run archive made by ./asfast export");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (ZipException e) {
            throw notAnArchive(archive);
        } catch (IOException e) {
            throw new UserError("cannot read " + archive + ": " + e.getMessage());
        }
        if (entries == 0) {
            throw notAnArchive(archive); // ZipInputStream reads a file that is not a zip as an empty one
        }
    }

    private static UserError notAnArchive(Path archive) {
        return new UserError(archive + " is not a run: neither a run folder nor a zip made by ./asfast export");
    }

    /** The one folder of an unpacked archive that holds environment.json: its top, or its single subfolder. */
    private static Path runFolderIn(Path unpacked, Path archive) throws IOException {
        if (Files.exists(unpacked.resolve(Run.ENVIRONMENT_FILE))) {
            return unpacked;
        }
        try (Stream<Path> children = Files.list(unpacked)) {
            List<Path> folders = children.filter(Files::isDirectory).toList();
            if (folders.size() == 1 && Files.exists(folders.getFirst().resolve(Run.ENVIRONMENT_FILE))) {
                return folders.getFirst();
            }
        }
        throw new UserError(archive + " holds no " + Run.ENVIRONMENT_FILE + "; it is not a run archive made by ./asfast export");
    }

    /** Copies a run's files, leaving out its report (publish and report rebuild it) and hidden leftovers. */
    private static void copyRun(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path relative = from.relativize(source);
                if (relative.toString().isEmpty() || relative.startsWith(REPORT) || relative.getFileName().toString().startsWith(".")) {
                    continue;
                }
                Path dest = to.resolve(relative.toString());
                if (Files.isDirectory(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dest);
                } else if (Files.isRegularFile(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(source, dest);
                    AtomicFiles.readableByAll(dest);
                }
            }
        }
    }
}
