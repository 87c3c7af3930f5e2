package org.certcheck.inventory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a file's name says about it, before it is read. */
final class FileNames {
    /** Names under which certificates and keystores are kept: a file so named must hold some. */
    private static final Set<String> CERTIFICATE_EXTENSIONS = Set.of("pem", "crt", "cer", "der", "p12", "pfx",
            "jks", "jceks", "keystore", "truststore", "ks");
    /** The links {@code openssl rehash} / {@code c_rehash} make: {@code 5ed36f99.0}, {@code 5ed36f99.r0}. */
    private static final Pattern HASH_LINK = Pattern.compile("[0-9a-f]{8}\\.r?[0-9]+");

    private FileNames() {
    }

    /**
     * {@code web.pem}, {@code server.p12}, {@code 5ed36f99.0}... Not {@code cacerts}: Debian has a
     * text file of that name in /etc/default, and a real one is found by its content anyway.
     */
    static boolean promisesCertificates(Path path) {
        String name = name(path);
        return CERTIFICATE_EXTENSIONS.contains(extension(name)) || HASH_LINK.matcher(name).matches();
    }

    /** {@code server.key}: a private key by name, which the inventory leaves alone even unread. */
    static boolean promisesKey(Path path) {
        return extension(name(path)).equals("key");
    }

    /** Hash links sort after the files they point to, so that rows name the file, not its hash. */
    static boolean hashLink(Path path) {
        return HASH_LINK.matcher(name(path)).matches();
    }

    private static String name(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
