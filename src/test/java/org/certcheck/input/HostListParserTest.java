package org.certcheck.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostListParserTest {
    private static final String ORIGIN = "hosts.txt:7";

    private static HostListEntry parse(String line) {
        Optional<HostListEntry> entry = HostListParser.parseLine(line, ORIGIN);
        assertThat(entry).as("entry for %s", line).isPresent();
        return entry.get();
    }

    private static Target target(String line) {
        HostListEntry entry = parse(line);
        assertThat(entry).as("parsed %s", line).isInstanceOf(Target.class);
        return (Target) entry;
    }

    private static String reason(String line) {
        HostListEntry entry = parse(line);
        assertThat(entry).as("parsed %s", line).isInstanceOf(InputProblem.class);
        return ((InputProblem) entry).reason();
    }

    @ParameterizedTest(name = "{0} -> {1} port {2}")
    @CsvSource(delimiter = '|', textBlock = """
            web                                  | web                     | 443
            web:8443                             | web                     | 8443
            web:00443                            | web                     | 443
            web:65535                            | web                     | 65535
            web:1                                | web                     | 1
            WEB.Example.COM.                     | web.example.com         | 443
            wiki.intranet.:8443                  | wiki.intranet           | 8443
            my_host.corp                         | my_host.corp            | 443
            xn--bcher-kva.example                | xn--bcher-kva.example   | 443
            https://web                          | web                     | 443
            https://web:8443                     | web                     | 8443
            https://web:8443/any/path?q=1#frag   | web                     | 8443
            HTTPS://Web/                         | web                     | 443
            Https://web?q                        | web                     | 443
            https://web#top                      | web                     | 443
            https:8443                           | https                   | 8443
            10.0.0.1                             | 10.0.0.1                | 443
            10.0.0.1:8443                        | 10.0.0.1                | 8443
            https://192.168.1.254:8443/status    | 192.168.1.254           | 8443
            [::1]                                | ::1                     | 443
            [::1]:8443                           | ::1                     | 8443
            https://[2001:db8::1]:8443/          | 2001:db8::1             | 8443
            https://[2001:db8::1]                | 2001:db8::1             | 443
            ::1                                  | ::1                     | 443
            2001:db8::1                          | 2001:db8::1             | 443
            2001:DB8::A                          | 2001:db8::a             | 443
            [0:0:0:0:0:0:0:1]                    | ::1                     | 443
            [2001:0db8:0000:0000:0000:0000:0000:0001]:8443 | 2001:db8::1   | 8443
            [2001:db8:0:0:1:0:0:1]               | 2001:db8::1:0:0:1       | 443
            [2001:db8:0:1:1:1:1:1]               | 2001:db8:0:1:1:1:1:1    | 443
            [2001:db8::]                         | 2001:db8::              | 443
            [::ffff:10.0.0.1]                    | ::ffff:10.0.0.1         | 443
            """)
    void acceptedFormsGiveHostAndPort(String line, String host, int port) {
        Target target = target(line);

        assertThat(target.host()).isEqualTo(host);
        assertThat(target.port()).isEqualTo(port);
        assertThat(target.origin()).isEqualTo(ORIGIN);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            web:99999                 | port out of range (1-65535)
            web:65536                 | port out of range (1-65535)
            web:0                     | port out of range (1-65535)
            web:123456789012345       | port out of range (1-65535)
            https://web:70000/        | port out of range (1-65535)
            [::1]:99999               | port out of range (1-65535)
            web:abc                   | port "abc" is not a number
            web:-1                    | port "-1" is not a number
            web:+443                  | port "+443" is not a number
            web:443/status            | port "443/status" is not a number (a path needs https:// in front)
            https:web                 | missing "//" after "https:"
            https:/web:8443           | missing "//" after "https:"
            http:web                  | http:// is plain text, not TLS: use https:// or host:port
            web:                      | missing port number after ":"
            [::1]:                    | missing port number after ":"
            :443                      | missing host before ":"
            http://web                | http:// is plain text, not TLS: use https:// or host:port
            HTTP://web:80/            | http:// is plain text, not TLS: use https:// or host:port
            gopher://mail             | unsupported scheme "gopher" (supported: https, smtp, smtps, imap, imaps, pop3, pop3s, ftp, ftps, ldap, ldaps, postgres, mysql, xmpp)
            smtp://                   | missing host after smtp://
            https://                  | missing host after https://
            https:///path             | missing host after https://
            user@web                  | after "@" comes the IP address to connect to, not the name "web" (name@10.1.2.3:443 checks that name at that address)
            https://user:pw@web:8443/ | "user:pw" before "@" is not a host name: user names, passwords and ports do not go there (name@10.1.2.3:443 checks that name at that address)
            web:8443@10.0.0.1         | "web:8443" before "@" is not a host name: user names, passwords and ports do not go there (name@10.1.2.3:443 checks that name at that address)
            @web                      | missing host name before "@" (name@10.1.2.3:443 checks that name at that address)
            web@                      | missing address after "@" (name@10.1.2.3:443 checks that name at that address)
            a@b@10.0.0.1              | more than one "@" (name@10.1.2.3:443 checks that name at that address)
            web@10.0.0.1:99999        | port out of range (1-65535)
            we!b@10.0.0.1             | invalid character "!" in host name
            [::1                      | unbalanced brackets: "[" without "]"
            https://[2001:db8::1/     | unbalanced brackets: "[" without "]"
            ::1]:443                  | unbalanced brackets: "]" without "["
            web[1]                    | unbalanced brackets: "[" must open an IPv6 literal at the start
            [::1]]                    | unbalanced brackets: more than one pair
            [::1]8443                 | unexpected text after "]": "8443" (expected ":port")
            []                        | empty brackets: expected an IPv6 literal like [2001:db8::1]
            [10.0.0.1]                | "10.0.0.1" in brackets is not an IPv6 literal
            [web]                     | "web" in brackets is not an IPv6 literal
            [.:1]                     | ".:1" in brackets is not an IPv6 literal
            1:2:3:4:5:6:7:8:443       | put IPv6 literals in brackets to give a port: [1:2:3:4:5:6:7:8]:443
            2001:db8::1::2            | "2001:db8::1::2" is not a valid IPv6 literal; put IPv6 literals in brackets to give a port: [2001:db8::1]:443
            fe80::1%eth0              | IPv6 zone id "%eth0" is not supported
            [fe80::1%eth0]:443        | IPv6 zone id "%eth0" is not supported
            web:80:90                 | too many ":" (expected host or host:port)
            999.1.1.1                 | "999.1.1.1" is not a valid IPv4 address (four numbers 0-255 without leading zeros)
            010.0.0.1                 | "010.0.0.1" is not a valid IPv4 address (four numbers 0-255 without leading zeros)
            1.2.3                     | "1.2.3" is not a valid IPv4 address (four numbers 0-255 without leading zeros)
            a..b                      | empty label in host name (two dots in a row, or a leading dot)
            .web                      | empty label in host name (two dots in a row, or a leading dot)
            web..                     | empty label in host name (two dots in a row, or a leading dot)
            .                         | "." is not a host name
            -web                      | label "-web" starts or ends with "-"
            web-.corp                 | label "web-" starts or ends with "-"
            web#1                     | invalid character "#" in host name (a comment needs a space before "#")
            web/status                | invalid character "/" in host name (a path needs https:// in front)
            *.example.com             | invalid character "*" in host name (give a real name, not a wildcard)
            web!                      | invalid character "!" in host name
            """)
    void malformedFormsAreReportedWithTheReason(String line, String expectedReason) {
        assertThat(reason(line)).isEqualTo(expectedReason);
    }

    @ParameterizedTest(name = "{0} -> {1} {2} port {3}")
    @CsvSource(delimiter = '|', textBlock = """
            smtp://mail.corp                     | SMTP     | mail.corp  | 25
            SMTP://Mail.Corp:587                 | SMTP     | mail.corp  | 587
            imap://mail.corp                     | IMAP     | mail.corp  | 143
            pop3://mail.corp                     | POP3     | mail.corp  | 110
            ftp://files.corp/pub/                | FTP      | files.corp | 21
            ldap://dir.corp                      | LDAP     | dir.corp   | 389
            ldap://dir.corp:3389/dc=corp?cn      | LDAP     | dir.corp   | 3389
            postgres://db.corp                   | POSTGRES | db.corp    | 5432
            postgresql://db.corp/app             | POSTGRES | db.corp    | 5432
            mysql://db.corp                      | MYSQL    | db.corp    | 3306
            xmpp://chat.corp                     | XMPP     | chat.corp  | 5222
            smtps://mail.corp                    | TLS      | mail.corp  | 465
            imaps://mail.corp                    | TLS      | mail.corp  | 993
            pop3s://mail.corp                    | TLS      | mail.corp  | 995
            ldaps://dir.corp                     | TLS      | dir.corp   | 636
            ftps://files.corp                    | TLS      | files.corp | 990
            https://web                          | TLS      | web        | 443
            smtp://[2001:db8::25]                | SMTP     | 2001:db8::25 | 25
            """)
    void schemeChoosesProtocolAndDefaultPort(String line, Protocol protocol, String host, int port) {
        Target target = target(line);

        assertThat(target.protocol()).isEqualTo(protocol);
        assertThat(target.host()).isEqualTo(host);
        assertThat(target.port()).isEqualTo(port);
        assertThat(target.connectTo()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} at {2} port {3}")
    @CsvSource(delimiter = '|', textBlock = """
            web.corp@10.1.2.3                    | web.corp   | 10.1.2.3    | 443
            WEB.corp.@10.1.2.3:8443              | web.corp   | 10.1.2.3    | 8443
            web.corp@[2001:DB8::1]:8443          | web.corp   | 2001:db8::1 | 8443
            web.corp@2001:db8::1                 | web.corp   | 2001:db8::1 | 443
            https://web.corp@10.1.2.3:8443/path  | web.corp   | 10.1.2.3    | 8443
            smtp://mail.corp@10.1.2.25           | mail.corp  | 10.1.2.25   | 25
            10.9.9.9@10.1.2.3                    | 10.9.9.9   | 10.1.2.3    | 443
            """)
    void nameAtAddressChecksTheNameAtThatAddress(String line, String host, String address, int port) {
        Target target = target(line);

        assertThat(target.host()).isEqualTo(host);
        assertThat(target.connectTo()).contains(address);
        assertThat(target.port()).isEqualTo(port);
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            web                                  | web:443
            https://web:8443/x                   | web:8443
            smtps://mail                         | mail:465
            smtp://mail                          | smtp://mail:25
            web@10.1.2.3                         | web@10.1.2.3:443
            ldap://dir@[2001:db8::1]             | ldap://dir@[2001:db8::1]:389
            [::1]:8443                           | [::1]:8443
            """)
    void displayIsTheHostFileFormOfTheTarget(String line, String display) {
        assertThat(target(line).display()).isEqualTo(display);
        assertThat(target(display).display()).as("the display parses back to itself").isEqualTo(display);
    }

    @Test
    void defaultProtocolAppliesOnlyToTargetsWithoutAScheme() {
        assertThat(HostListParser.parseTarget("mail.corp", ORIGIN, Protocol.SMTP))
                .isEqualTo(new Target("mail.corp", 25, ORIGIN, Protocol.SMTP, Optional.empty()));
        assertThat(HostListParser.parseTarget("mail.corp:587", ORIGIN, Protocol.SMTP))
                .isEqualTo(new Target("mail.corp", 587, ORIGIN, Protocol.SMTP, Optional.empty()));
        assertThat(HostListParser.parseTarget("https://web", ORIGIN, Protocol.SMTP))
                .isEqualTo(new Target("web", 443, ORIGIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t", "# a comment", "   # an indented comment", "#web:443"})
    void blankAndCommentLinesGiveNoEntry(String line) {
        assertThat(HostListParser.parseLine(line, ORIGIN)).isEmpty();
    }

    @Test
    void unicodeSpaceInsideTheTargetSeparatesTokens() {
        assertThat(reason("web\u2003443")).isEqualTo("unexpected text after the target: \"443\"");
        assertThat(reason("web\u00a0443")).isEqualTo("unexpected text after the target: \"443\"");
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
        assertThat(target(" \t web:8443 \t ").display()).isEqualTo("web:8443");
    }

    @Test
    void trailingCommentIsIgnored() {
        assertThat(target("web:8443   # the wiki, ask Ann").display()).isEqualTo("web:8443");
        assertThat(target("web\t#tab before the comment").display()).isEqualTo("web:443");
    }

    @Test
    void hashWithoutSpaceInUrlIsAFragmentNotAComment() {
        assertThat(target("https://web/#top # and a comment").display()).isEqualTo("web:443");
    }

    @Test
    void secondTokenIsReportedAsUnexpectedText() {
        assertThat(reason("web 443")).isEqualTo("unexpected text after the target: \"443\"");
        assertThat(reason("web:443   mail:443 # two on a line"))
                .isEqualTo("unexpected text after the target: \"mail:443\"");
    }

    @Test
    void problemCarriesOriginAndTrimmedTextWithoutComment() {
        HostListEntry entry = parse("   web:99999   # old port ");

        assertThat(entry).isEqualTo(new InputProblem(ORIGIN, "web:99999", "port out of range (1-65535)"));
        assertThat(((InputProblem) entry).message())
                .isEqualTo("hosts.txt:7: \"web:99999\": port out of range (1-65535)");
    }

    @Test
    void internationalisedNameIsConvertedToALabels() {
        assertThat(target("Bücher.Example").host()).isEqualTo("xn--bcher-kva.example");
        assertThat(target("https://日本語。jp:8443/").display()).isEqualTo("xn--wgv71a119e.jp:8443");
    }

    /** Found by HostListFuzzTest: IDN mapping turned a "name" into an address the parser refuses. */
    @Test
    void nameThatIdnMappingTurnsIntoDigitsAndDotsIsJudgedAsAnAddress() {
        assertThat(reason("10.01.\uFEFF8442")).isEqualTo("\"10.01.8442\" is not a valid IPv4 address"
                + " (four numbers 0-255 without leading zeros)");
        Target fullwidth = target("\uFF11\uFF10.0.0.1:8443");
        assertThat(fullwidth.display()).isEqualTo("10.0.0.1:8443");
        assertThat(fullwidth.isIpLiteral()).isTrue();
    }

    @Test
    void internationalisedNameThatIdnRejectsIsReportedWithIdnsReason() {
        String name = "ü" + "a".repeat(70) + ".example";

        assertThat(reason(name)).isEqualTo(
                "not a valid internationalised domain name: The label in the input is too long");
    }

    @Test
    void upperCaseIsLoweredTheSameWayInEveryLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(target("WIKI.INTRANET").host()).isEqualTo("wiki.intranet");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void labelOf63CharactersIsAcceptedAnd64IsNot() {
        String label63 = "a".repeat(63);

        assertThat(target(label63 + ".corp").host()).isEqualTo(label63 + ".corp");
        assertThat(reason("b" + label63 + ".corp"))
                .isEqualTo("label \"b" + "a".repeat(19) + "...\" too long (64 characters, limit 63)");
    }

    @Test
    void nameOf253CharactersIsAcceptedAnd254IsNot() {
        String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));

        assertThat(name253).hasSize(253);
        assertThat(target(name253).host()).isEqualTo(name253);
        assertThat(target(name253 + ".").host()).isEqualTo(name253);
        assertThat(reason("e" + name253)).isEqualTo("host name too long (254 characters, limit 253)");
    }

    @Test
    void ipLiteralsAreMarkedAsIpLiterals() {
        assertThat(target("10.0.0.1").isIpLiteral()).isTrue();
        assertThat(target("[::1]:8443").isIpLiteral()).isTrue();
        assertThat(target("[::1]:8443").display()).isEqualTo("[::1]:8443");
        assertThat(target("web").isIpLiteral()).isFalse();
    }

    @Test
    void lineOfExactly4096CharactersIsStillParsed() {
        String line = "web:8443" + " ".repeat(4096 - 8);

        assertThat(target(line).display()).isEqualTo("web:8443");
    }

    @Test
    void lineLongerThan4096CharactersIsAProblemNotACrash() {
        String line = "a".repeat(5000);

        HostListEntry entry = parse(line);

        assertThat(entry).isEqualTo(new InputProblem(ORIGIN, "a".repeat(40) + "...",
                "line too long (5000 characters, limit 4096)"));
    }
}
