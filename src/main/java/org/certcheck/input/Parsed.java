package org.certcheck.input;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of parsing one part of a target: a value, or the reason the text is not one. The
 * reason is written for the user; it ends up in an {@link InputProblem}.
 */
sealed interface Parsed<T> {

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> failed(String reason) {
        return new Failed<>(reason);
    }

    /** Applies {@code next} to a value; passes a failure on unchanged. */
    <R> Parsed<R> then(Function<T, Parsed<R>> next);

    /** Turns either outcome into one result, e.g. a {@link Target} or an {@link InputProblem}. */
    <R> R fold(Function<T, R> onValue, Function<String, R> onFailure);

    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> Parsed<R> then(Function<T, Parsed<R>> next) {
            return next.apply(value);
        }

        @Override
        public <R> R fold(Function<T, R> onValue, Function<String, R> onFailure) {
            return onValue.apply(value);
        }
    }

    record Failed<T>(String reason) implements Parsed<T> {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> Parsed<R> then(Function<T, Parsed<R>> next) {
            return new Failed<>(reason);
        }

        @Override
        public <R> R fold(Function<T, R> onValue, Function<String, R> onFailure) {
            return onFailure.apply(reason);
        }
    }
}
