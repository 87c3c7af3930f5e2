package org.certcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.certcheck.testing.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JUnit report read by Ant's {@code junitreport} (Debian's ant-optional), the origin of the
 * format and its strictest reader: it counts the tests of a {@code <testsuite>} root only (issue 17).
 */
class AntJunitReportTest {
    @TempDir
    Path directory;

    @Test
    void antsJunitreportCountsEveryTargetAsATest() throws Exception {
        ExternalTool ant = ExternalTool.require("ant", "ant-optional");
        StringWriter xml = new StringWriter();
        new JunitReporter(false).write(new ReportFixtures().report(), xml);
        Files.writeString(directory.resolve("TEST-certcheck.xml"), xml.toString());
        Files.writeString(directory.resolve("build.xml"), """
                <project name="report" default="report">
                  <target name="report">
                    <junitreport todir="%1$s">
                      <fileset dir="%1$s" includes="TEST-*.xml"/>
                      <report format="noframes" todir="%1$s/html"/>
                    </junitreport>
                  </target>
                </project>
                """.formatted(directory));

        ExternalTool.Outcome run = ant.run("", 120, "-noinput", "-q", "-f", directory.resolve("build.xml").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String aggregated = Files.readString(directory.resolve("TESTS-TestSuites.xml"));
        assertThat(aggregated).containsPattern("<testsuite [^>]*name=\"certcheck\"[^>]*tests=\"4\"")
                .contains("name=\"old.corp.test:443\"");
        assertThat(Files.readString(directory.resolve("html/junit-noframes.html")))
                .containsPattern("<td>4</td><td>1</td><td>1</td>");
    }
}
