package org.certcheck.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --output FORMAT[=FILE]}: a format and where it goes, a file or (without {@code =FILE})
 * standard output.
 */
record OutputTarget(OutputFormat format, Optional<Path> file) {
    static final String FORMATS = Arrays.stream(OutputFormat.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    OutputTarget {
        java.util.Objects.requireNonNull(format, "format");
        java.util.Objects.requireNonNull(file, "file");
    }

    static OutputTarget stdout(OutputFormat format) {
        return new OutputTarget(format, Optional.empty());
    }

    /** {@code json}, {@code JSON}, {@code junit=reports/certs.xml}; the file name is taken as written. */
    static OutputTarget parse(String text) {
        int equals = text.indexOf('=');
        String name = (equals < 0 ? text : text.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
        OutputFormat format;
        try {
            format = OutputFormat.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("unknown format '" + name + "' in '" + text + "': use one of "
                    + FORMATS + ", optionally with =FILE");
        }
        if (equals < 0) {
            return stdout(format);
        }
        String file = text.substring(equals + 1);
        if (file.isBlank()) {
            throw new TypeConversionException("'" + text + "' names no file: write " + name + "=FILE, or just "
                    + name + " for standard output");
        }
        try {
            return new OutputTarget(format, Optional.of(Path.of(file)));
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + file + "' in '" + text + "' is not a file name: " + e.getReason());
        }
    }

    /** {@code junit to reports/certs.xml}, {@code table on stdout}. */
    String describe() {
        return format + file.map(path -> " to " + path).orElse(" on stdout");
    }

    /** What shell completion offers after {@code --output}: the format names. */
    static final class Candidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(OutputFormat.values()).map(Enum::name).iterator();
        }
    }

    static final class Converter implements ITypeConverter<OutputTarget> {
        @Override
        public OutputTarget convert(String value) {
            return parse(value);
        }
    }
}
