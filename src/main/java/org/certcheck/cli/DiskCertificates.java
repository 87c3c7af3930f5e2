package org.certcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.certcheck.drift.DiskCertificate;
import org.certcheck.inventory.FileWalk;
import org.certcheck.inventory.Inventory;
import org.certcheck.inventory.WalkLimits;
import org.certcheck.report.CertificateFacts;
import org.certcheck.store.CertificateFiles;

/** The leaf certificates under {@code --files}, read with the inventory's reader. */
final class DiskCertificates {
    private DiskCertificates() {
    }

    static List<DiskCertificate> read(List<Path> roots) {
        if (roots.isEmpty()) {
            return List.of();
        }
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new UsageException("--files " + root + ": no such file or directory");
            }
        }
        Inventory inventory = new Inventory(new CertificateFiles(List.of()), new FileWalk(WalkLimits.DEFAULT, List.of()),
                WalkLimits.DEFAULT);
        List<DiskCertificate> leaves = new ArrayList<>();
        for (Inventory.Item item : inventory.take(roots)) {
            if (item instanceof Inventory.Item.Stored stored && stored.stored().certificate().getBasicConstraints() < 0) {
                leaves.add(new DiskCertificate(stored.stored().origin(), CertificateFacts.of(stored.stored().certificate())));
            }
        }
        return leaves;
    }
}
