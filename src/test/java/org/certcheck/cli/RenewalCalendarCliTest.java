package org.certcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.certcheck.demo.TlsServer;
import org.certcheck.net.Resolver;
import org.certcheck.pki.HeldCertificate;
import org.certcheck.testing.CliRun;
import org.certcheck.testing.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 16 item 5 through the command line: {@code -o ics=FILE} read back by Debian's
 * python3-icalendar, one event at each certificate's renewal point (the warning threshold of item 1)
 * and one at its expiry; the HTML timeline marks the renewal points.
 */
class RenewalCalendarCliTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Instant ISSUED = Instant.parse("2026-11-01T00:00:00Z");
    private static final String READER = """
            import json, sys, icalendar
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            print(json.dumps([{'summary': str(e.get('summary')), 'uid': str(e.get('uid')),
                               'start': e.decoded('dtstart').isoformat(), 'description': str(e.get('description'))}
                              for e in calendar.walk('VEVENT')]))
            """;
    private final HeldCertificate root = HeldCertificate.builder(ISSUED).commonName("Calendar Root CA")
            .validFor(Duration.ofDays(-100), Duration.ofDays(3650)).certificateAuthority(1).build();

    @TempDir
    Path temp;

    private HeldCertificate leaf(String name, int days) {
        return HeldCertificate.builder(ISSUED).commonName(name).addSubjectAltName(name)
                .validFor(Duration.ZERO, Duration.ofDays(days)).signedBy(root).build();
    }

    private CliRun run(String... outputs) throws Exception {
        Path rootPem = Files.writeString(temp.resolve("root.pem"), root.certificatePem());
        HeldCertificate short45 = leaf("short.corp.test", 45);
        HeldCertificate long397 = leaf("long.corp.test", 397);
        try (TlsServer a = TlsServer.start(LOOPBACK, List.of(short45.certificate()), short45.privateKey());
             TlsServer b = TlsServer.start(LOOPBACK, List.of(long397.certificate()), long397.privateKey())) {
            List<String> args = new java.util.ArrayList<>(List.of("--ca", rootPem.toString(), "--revocation", "off"));
            args.addAll(List.of(outputs));
            args.add("short.corp.test@127.0.0.1:" + a.port());
            args.add("long.corp.test@127.0.0.1:" + b.port());
            return CliRun.run(Clock.fixed(ISSUED.plus(Duration.ofDays(1)), ZoneOffset.UTC), Resolver.SYSTEM,
                    args.toArray(String[]::new));
        }
    }

    private static ExternalTool pythonWithIcalendar() throws Exception {
        ExternalTool debian = new ExternalTool(Path.of("/usr/bin/python3"));
        if (Files.isExecutable(debian.program()) && debian.run("", 30, "-c", "import icalendar").exitCode() == 0) {
            return debian;
        }
        return ExternalTool.require("python3-with-icalendar", "python3-icalendar");
    }

    @Test
    void calendarHasARenewalAndAnExpiryEventPerCertificate() throws Exception {
        Path ics = temp.resolve("renewals.ics");
        CliRun run = run("-o", "ics=" + ics);
        assertThat(run.exitCode()).as(run.err()).isZero();

        ExternalTool.Outcome read = pythonWithIcalendar().run("", 60, "-c", READER, ics.toString());
        assertThat(read.exitCode()).as(read.err()).isZero();
        JsonNode events = new ObjectMapper().readTree(read.out());

        assertThat(events).hasSize(4);
        // 45 days: one third (15 days) before notAfter; 397 days: --warn-days (30) before notAfter.
        assertThat(events.findValuesAsText("start")).containsExactly("2026-12-01T00:00:00+00:00",
                "2026-12-16T00:00:00+00:00", "2027-11-03T00:00:00+00:00", "2027-12-03T00:00:00+00:00");
        JsonNode renewal = events.get(0);
        assertThat(renewal.get("summary").asText()).startsWith("Renew the certificate of short.corp.test@127.0.0.1:");
        assertThat(renewal.get("description").asText()).contains("Hosts: short.corp.test@127.0.0.1:",
                "Issuer: CN=Calendar Root CA", "SHA-256: ", "one third of its 45-day lifetime");
        assertThat(events.get(1).get("summary").asText()).startsWith("Certificate of short.corp.test").endsWith("expires");
        assertThat(events.findValuesAsText("uid")).doesNotHaveDuplicates().allMatch(uid -> uid.endsWith("@certcheck"));
    }

    @Test
    void htmlTimelineMarksTheRenewalPoints() throws Exception {
        Path html = temp.resolve("report.html");
        CliRun run = run("-o", "html=" + html);
        assertThat(run.exitCode()).as(run.err()).isZero();

        String page = Files.readString(html);
        assertThat(page).contains("class=\"renewal\"").contains("renew from 2026-12-01")
                .contains("renew from 2027-11-03");
    }
}
