package org.asfast.host;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.asfast.spi.Compiler;

/**
 * The JDK's javac, run in process through javax.tools. Every platform uses this one compiler with
 * the same options, so that compile times compare machines rather than compilers (Ousterhout §9).
 */
final class HostCompiler implements Compiler {
    private final HostFiles files;
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

    HostCompiler(HostFiles files) {
        this.files = files;
    }

    @Override
    public void compile(List<String> sources, String outputDir) {
        if (javac == null) {
            throw new IllegalStateException("this JVM has no javac (a JRE, not a JDK); run asfast on a JDK 25");
        }
        // An explicit class path (the output directory): left out, javac in process would search the benchmark JVM's own.
        String output = files.resolve(outputDir).toString();
        List<String> args = new ArrayList<>(List.of("-d", output, "-cp", output));
        args.addAll(JAVAC_OPTIONS);
        for (String source : sources) {
            args.add(files.resolve(source).toString());
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javac failed on the Andrew source tree:\n" + diagnostics);
        }
    }
}
