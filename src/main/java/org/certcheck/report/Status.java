package org.certcheck.report;

import java.util.Collection;

import org.certcheck.finding.Finding;
import org.certcheck.finding.Severity;

/** The verdict on one target, from the worst of its findings. */
public enum Status {
    PASS, WARN, FAIL, UNKNOWN;

    /**
     * FAIL wins over UNKNOWN: a certificate that was judged bad stays bad even if something else
     * about the target could not be checked.
     */
    public static Status of(Collection<Finding> findings) {
        boolean unknown = false;
        boolean warn = false;
        for (Finding finding : findings) {
            switch (finding.severity()) {
                case FAIL -> {
                    return FAIL;
                }
                case UNKNOWN -> unknown = true;
                case WARN -> warn = true;
                case INFO -> { }
            }
        }
        return unknown ? UNKNOWN : warn ? WARN : PASS;
    }
}
