package org.certcheck.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 10}, {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h}: a bare number means seconds; at most an hour. */
final class DurationConverter implements ITypeConverter<Duration> {
    /**
     * No probe step needs longer; and the socket API takes int milliseconds, so a huge value would
     * overflow into a negative timeout and fail every target as an internal error.
     */
    static final Duration MAX = Duration.ofMinutes(60);
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        Matcher matcher = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration: use a number with ms, s, m or h, e.g. 500ms, 5s, 2m or 1h");
        }
        double amount = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        long millis = Math.round(amount * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1000;
        });
        if (millis <= 0) {
            throw new TypeConversionException("'" + value + "' must be longer than zero");
        }
        if (millis > MAX.toMillis()) {
            throw new TypeConversionException("'" + value + "' is too long: at most " + MAX.toMinutes() + "m");
        }
        return Duration.ofMillis(millis);
    }
}
