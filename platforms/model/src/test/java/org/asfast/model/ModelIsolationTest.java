package org.asfast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A model never reads the paper's tables. The module depends on the SPI, the discrete-event kernel and Commons CSV alone, so the
 * code that loads baselines is not even on its class path; and nothing in it names the baselines folder.
 */
class ModelIsolationTest {

    @Test
    void theModelModuleDependsOnTheSpiTheKernelAndCommonsCsvOnly() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(dependencies);
        List<String> found = new java.util.ArrayList<>();
        while (artifact.find()) {
            found.add(artifact.group(1));
        }
        assertEquals(List.of("asfast-spi", "asfast-sim", "commons-csv"), found);
    }

    @Test
    void theBaselineLoaderIsNotOnTheModelsClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.asfast.report.Baselines"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.asfast.report.BaselineCell"));
    }

    @Test
    void noModelSourceOrResourceNamesTheBaselinesFolder() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("baselines"), file + " names the baselines folder");
            }
        }
    }
}
