package org.certcheck.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certcheck.finding.Calibration;
import org.certcheck.finding.Finding;
import org.certcheck.report.JsonReporter;
import org.certcheck.report.Report;
import org.certcheck.report.Verdict;

/**
 * A run's report with the changes since a baseline run: each target's {@code drift.*} findings
 * (rated by the run's calibration, so {@code --fail-on-drift} can raise them) and the fleet facts.
 * The current run is read through its own JSON shape, the same reader as the baseline's, so the two
 * are compared field by field alike.
 */
public final class ChangeDetection {
    private final Optional<Map<String, Snapshot>> baseline;
    private final List<DiskCertificate> files;
    private final Calibration calibration;

    /**
     * @param baseline the earlier run's targets; empty when there is none to compare with (only --files);
     *                 the first run of --state compares with an empty baseline, so every target is new
     * @param files    leaf certificates on disk ({@code --files}), empty when not asked for
     */
    public ChangeDetection(Optional<Map<String, Snapshot>> baseline, List<DiskCertificate> files,
                           Calibration calibration) {
        this.baseline = baseline.map(Map::copyOf);
        this.files = List.copyOf(files);
        this.calibration = calibration;
    }

    public Report apply(Report report) {
        Map<String, Snapshot> current = Snapshots.of(new JsonReporter().toJson(report));
        List<Verdict> verdicts = new ArrayList<>();
        for (Verdict verdict : report.verdicts()) {
            verdicts.add(apply(verdict, current.get(verdict.target())));
        }
        return new Report(report.checkedAt(), report.trust(), verdicts, FleetFacts.of(current.values()));
    }

    /**
     * The drift of one target, as soon as its verdict is known: what streaming outputs (JSON Lines)
     * write. The fleet facts need every target and come with {@link #apply(Report)} at the end.
     */
    public Verdict apply(Verdict verdict, Instant checkedAt, String trust) {
        Report alone = new Report(checkedAt, trust, List.of(verdict));
        return apply(verdict, Snapshots.of(new JsonReporter().toJson(alone)).get(verdict.target()));
    }

    private Verdict apply(Verdict verdict, Snapshot now) {
        List<Finding> found = new ArrayList<>();
        baseline.ifPresent(before -> found.addAll(DriftRules.compare(Optional.ofNullable(before.get(verdict.target())), now)));
        found.addAll(NotDeployed.check(now, files));
        List<Finding> drift = calibration.rate(found);
        return drift.isEmpty() ? verdict : with(verdict, drift);
    }

    private static Verdict with(Verdict verdict, List<Finding> drift) {
        List<Finding> findings = new ArrayList<>(verdict.findings());
        findings.addAll(drift);
        return verdict.withFindings(findings);
    }
}
