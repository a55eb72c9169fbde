package org.asfast.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Files and names that come from data a user may have edited (baselines, what-if files, run folders):
 * a name from data never leaves its folder, and a file is read only if it is a regular file of
 * reasonable size in UTF-8, so that a FIFO, a device or a huge file is refused instead of hanging.
 */
public final class UserFiles {
    /** A name that is one path element: letters, digits, '.', '_' and '-', not starting with '.' or '-'. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private UserFiles() {
    }

    /** True for a name that stays in its folder when resolved against it ("ousterhout1990", "table2.csv"; not "../x", "/etc", ".hidden"). */
    public static boolean isPlainName(String name) {
        return name != null && name.length() <= 200 && PLAIN.matcher(name).matches() && !name.contains("..");
    }

    /** {@code dir/name}, or a {@link UserError} saying that {@code what} ({@code name}) is not a plain name. */
    public static Path child(Path dir, String name, String what) {
        if (!isPlainName(name)) {
            throw new UserError(what + " '" + name + "' is not a plain name (letters, digits, '.', '_', '-'; no '/' or '..'); fix it");
        }
        return dir.resolve(name);
    }

    /**
     * The text of a small file a user wrote: a regular file (not a FIFO or device) of at most
     * {@code maxBytes}, in UTF-8, without a byte-order mark. Line ends are left as they are.
     *
     * @param what what the file is, for the message ("the what-if file")
     */
    public static String readText(Path file, long maxBytes, String what) {
        if (!Files.exists(file)) {
            throw new UserError(what + " " + file + " does not exist; check the path");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(what + " " + file + " is not a regular file (a directory, FIFO or device); give a text file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UserError("cannot read " + what + " " + file + ": " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw new UserError(what + " " + file + " is larger than " + (maxBytes >> 10) + " KB; give the right file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(what + " " + file + " is not UTF-8 text; save it as UTF-8");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // spreadsheets write a byte-order mark
    }

    /**
     * The 1-based line of {@code text} on which the record starting at character {@code position}
     * begins. A CSV parser counts records, not lines, and a record's position may point at comment
     * or blank lines it skipped before it; those are skipped here too.
     */
    public static long lineOf(String text, long position, char commentMarker) {
        int at = (int) Math.min(Math.max(position, 0), text.length());
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            String line = (end < 0 ? text.substring(at) : text.substring(at, end)).strip();
            if (!line.isEmpty() && line.charAt(0) != commentMarker) {
                break;
            }
            if (end < 0) {
                break;
            }
            at = end + 1;
        }
        long line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static final Pattern UNCLOSED = Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished");
    private static final Pattern AFTER_QUOTE = Pattern.compile("\\(line (\\d+)\\) invalid char between encapsulated token and delimiter");

    /** A one-line {@link UserError} for a CSV file the parser could not read (Commons CSV's messages name the line). */
    public static UserError csvError(Path file, Throwable e) {
        String detail = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            detail = t.getMessage() == null ? detail : t.getMessage();
        }
        java.util.regex.Matcher m = UNCLOSED.matcher(detail);
        if (m.find()) {
            return new UserError(file + " line " + m.group(1) + ": a quoted field has no closing quote; close it or remove the quote");
        }
        m = AFTER_QUOTE.matcher(detail);
        if (m.find()) {
            return new UserError(file + " line " + m.group(1) + ": text follows a closing quote; quote the whole field");
        }
        int newline = detail.indexOf('\n');
        return new UserError("cannot read " + file + ": " + (newline < 0 ? detail : detail.substring(0, newline)) + "; fix the file");
    }
}
