package org.certcheck.net;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers that one run fetches from the network at most once per key, shared by every target and
 * thread. The first caller fetches on its own thread, outside any lock; callers for the same key
 * wait for that fetch, callers for other keys never wait for it. (A {@code computeIfAbsent} would
 * hold a lock of the map for the whole download.)
 */
public final class FetchOnce<K, V> {
    private final Map<K, CompletableFuture<V>> answers = new ConcurrentHashMap<>();

    /** The answer for {@code key}: fetched now by {@code fetch}, or the one fetched (or being fetched) before. */
    public V get(K key, Supplier<V> fetch) {
        Objects.requireNonNull(key, "key");
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = answers.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.join();
        }
        try {
            V value = fetch.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** True once a fetch for {@code key} has started in this run (it may still be under way). */
    public boolean started(K key) {
        return answers.containsKey(key);
    }
}
