package org.asfast.systems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.asfast.spi.Compiler;
import org.asfast.spi.Files;

/**
 * The JDK's javac in process (javax.tools), as the host runs it, over a file service: a file manager whose sources are
 * read, and whose class files (and their package directories) are written, through the client's file calls. The JDK's
 * own classes come from the JDK, as on the host, whose class path is the empty output directory; here it is empty.
 */
final class FileServiceJavac {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    /** The sources' encoding, as the options name it. */
    private static final Charset ENCODING = Charset.forName(Compiler.JAVAC_OPTIONS.get(Compiler.JAVAC_OPTIONS.indexOf("-encoding") + 1));

    private final String platform;
    private final Files files;
    private final MemorySegment buffer = Arena.ofAuto().allocate(FileCopy.BLOCK, 8);

    FileServiceJavac(String platform, Files files) {
        this.platform = platform;
        this.files = files;
    }

    /** Compiles {@code sources} into {@code outputDir}; a compile error is one line, a file call's failure its own exception. */
    void compile(List<String> sources, String outputDir) {
        if (JAVAC == null) {
            throw new IllegalStateException("this JVM has no javac (a JRE, not a JDK); run asfast on a JDK 25");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        try (Manager manager = new Manager(JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, ENCODING), outputDir)) {
            boolean compiled;
            try {
                compiled = JAVAC.getTask(output, manager, diagnostics, Compiler.JAVAC_OPTIONS, null,
                        sources.stream().map(s -> (JavaFileObject) new Source(manager, s)).toList()).call();
            } catch (RuntimeException e) {
                throw manager.failed != null ? manager.failed : e; // javac wraps what a file call threw
            }
            if (manager.failed != null) {
                throw manager.failed;
            }
            if (!compiled) {
                throw new IllegalStateException(failure(diagnostics.getDiagnostics(), output.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** javac's first error, in one line, and how many more there were. */
    private String failure(List<Diagnostic<? extends JavaFileObject>> diagnostics, String output) {
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        String first = errors.isEmpty() ? output : (errors.getFirst().getSource() == null ? "" : errors.getFirst().getSource().toUri().getPath().substring(1)
                + ":" + errors.getFirst().getLineNumber() + ": ") + errors.getFirst().getMessage(Locale.ROOT);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : "";
        return ("javac failed on the Andrew source tree on " + platform + ": " + first.strip()).replaceAll("\\s*\\R\\s*", "; ") + more;
    }

    private static URI uri(String path) {
        try {
            return new URI("file-service", null, "/" + path, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }

    /** The file manager: javac's own classes from the JDK, the sources and classes through the file calls. */
    private final class Manager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final String outputDir;
        private final Set<String> directories = new HashSet<>();
        /** The first failure of a file call, which javac may wrap or turn into a diagnostic. */
        RuntimeException failed;

        Manager(StandardJavaFileManager standard, String outputDir) throws IOException {
            super(standard);
            this.outputDir = outputDir;
            standard.setLocation(StandardLocation.CLASS_PATH, List.of()); // not the benchmark JVM's own
        }

        <T> T guarded(Supplier<T> call) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                }
                throw e;
            }
        }

        @Override
        public boolean hasLocation(Location location) {
            return location == StandardLocation.CLASS_OUTPUT || super.hasLocation(location);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) throws IOException {
            if (location != StandardLocation.CLASS_OUTPUT || kind != JavaFileObject.Kind.CLASS) {
                throw new IOException("javac asked to write " + className + kind.extension + " to " + location + ", which this compile does not have");
            }
            return new ClassFile(this, className);
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            if (a instanceof SimpleJavaFileObject || b instanceof SimpleJavaFileObject) {
                return a.toUri().equals(b.toUri());
            }
            return super.isSameFile(a, b);
        }

        /** Writes a class file, after the package's directories the compile has not made yet. */
        void write(String className, byte[] bytes) {
            String path = outputDir;
            String[] parts = className.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                path += "/" + parts[i];
                if (directories.add(path)) {
                    files.mkdir(path);
                }
            }
            int fd = files.create(path + "/" + parts[parts.length - 1] + JavaFileObject.Kind.CLASS.extension);
            for (int done = 0; done < bytes.length; ) {
                int n = Math.min(FileCopy.BLOCK, bytes.length - done);
                MemorySegment.copy(bytes, done, buffer, ValueLayout.JAVA_BYTE, 0, n);
                done += (int) files.write(fd, buffer, n);
            }
            files.close(fd);
        }

        byte[] read(String path) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            int fd = files.openForReading(path);
            try {
                for (long n; (n = files.read(fd, buffer, FileCopy.BLOCK)) > 0; ) {
                    content.write(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), 0, (int) n);
                }
            } finally {
                files.close(fd);
            }
            return content.toByteArray();
        }
    }

    /** A source file, read through the file calls when javac reads it. */
    private static final class Source extends SimpleJavaFileObject {
        private final Manager manager;
        private final String path;

        Source(Manager manager, String path) {
            super(uri(path), Kind.SOURCE);
            this.manager = manager;
            this.path = path;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return new String(manager.guarded(() -> manager.read(path)), ENCODING);
        }
    }

    /** A class file, written through the file calls when javac closes it. */
    private static final class ClassFile extends SimpleJavaFileObject {
        private final Manager manager;
        private final String className;

        ClassFile(Manager manager, String className) {
            super(uri(manager.outputDir + "/" + className.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
            this.manager = manager;
            this.className = className;
        }

        @Override
        public OutputStream openOutputStream() {
            return new ByteArrayOutputStream() {
                private boolean closed;

                @Override
                public void close() {
                    if (!closed) {
                        closed = true;
                        manager.guarded(() -> {
                            manager.write(className, toByteArray());
                            return null;
                        });
                    }
                }
            };
        }
    }
}
