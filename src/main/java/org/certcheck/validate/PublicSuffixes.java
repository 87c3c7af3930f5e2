package org.certcheck.validate;

import java.util.Locale;

import crawlercommons.domains.EffectiveTldFinder;

/**
 * Whether a name is a public suffix of the Public Suffix List (publicsuffix.org), as bundled with
 * crawler-commons: a registry's own suffix such as {@code co.uk} (the list's ICANN section) or a
 * shared hosting namespace such as {@code s3.amazonaws.com} (its PRIVATE section). Nobody below
 * such a suffix controls the names beside theirs, so a wildcard directly over one covers strangers.
 */
public final class PublicSuffixes {
    private PublicSuffixes() {
    }

    /**
     * The list, read once. crawler-commons builds it lazily without a lock, so concurrent checks could
     * each parse it (a few hundred milliseconds of CPU apiece) or see it half-built; the holder class's
     * initialisation runs once, and publishes it to every thread. Read when the first wildcard is
     * judged, not before: about 100 ms of CPU that a run without wildcards never needs.
     */
    private static final class Loaded {
        static final EffectiveTldFinder LIST = EffectiveTldFinder.getInstance();
    }

    /** A suffix a registry runs (the ICANN section): browsers refuse a wildcard directly over it. */
    static boolean isRegistrySuffix(String name) {
        return isSuffix(name, true);
    }

    /** A suffix of either section: CA/B Forum BR 3.2.2.6 forbids a wildcard directly over it. */
    static boolean isPublicSuffix(String name) {
        return isSuffix(name, false);
    }

    private static boolean isSuffix(String name, boolean registryOnly) {
        String lower = name.toLowerCase(Locale.ROOT);
        Loaded.LIST.isConfigured(); // the list is read, once, before the static lookups use it
        EffectiveTldFinder.EffectiveTLD suffix = EffectiveTldFinder.getEffectiveTLD(lower, registryOnly);
        // An exception rule ("!www.ck") names a registrable domain, not a suffix.
        return suffix != null && !suffix.isException() && suffix.getDomain().equals(lower);
    }
}
