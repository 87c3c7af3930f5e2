package org.certcheck.validate;

import java.util.Locale;

import crawlercommons.domains.EffectiveTldFinder;

/**
 * Whether a name is a public suffix of the Public Suffix List (publicsuffix.org), as bundled with
 * crawler-commons: a registry's own suffix such as {@code co.uk} (the list's ICANN section) or a
 * shared hosting namespace such as {@code s3.amazonaws.com} (its PRIVATE section). Nobody below
 * such a suffix controls the names beside theirs, so a wildcard directly over one covers strangers.
 */
final class PublicSuffixes {
    private PublicSuffixes() {
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
        EffectiveTldFinder.EffectiveTLD suffix = EffectiveTldFinder.getEffectiveTLD(lower, registryOnly);
        // An exception rule ("!www.ck") names a registrable domain, not a suffix.
        return suffix != null && !suffix.isException() && suffix.getDomain().equals(lower);
    }
}
