package org.certcheck.report;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.certcheck.revocation.CrlHealth;

/**
 * The {@code cas} section of the JSON report: one object per issuing CA with its CRLs' health,
 * in the shape documented in {@code docs/crl-health.md}.
 */
final class CasJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CasJson() {
    }

    static ArrayNode of(List<CrlHealth> cas) {
        ArrayNode array = NODES.arrayNode();
        for (CrlHealth ca : cas) {
            ObjectNode node = array.addObject();
            node.put("subject", ca.subject());
            node.put("keyId", ca.keyId());
            node.put("status", Status.of(ca.findings()).name());
            node.put("certificates", ca.certificates());
            ArrayNode crls = node.putArray("crls");
            ca.crls().forEach(crl -> crls.add(crl(crl)));
            if (!ca.unchecked().isEmpty()) {
                ArrayNode unchecked = node.putArray("unchecked");
                ca.unchecked().forEach(unchecked::add);
            }
            ArrayNode findings = node.putArray("findings");
            ca.findings().forEach(finding -> findings.add(JsonReporter.finding(finding)));
        }
        return array;
    }

    private static ObjectNode crl(CrlHealth.Published published) {
        ObjectNode node = NODES.objectNode();
        node.put("url", published.url());
        node.put("reachable", published.crl().isPresent());
        published.unreachable().ifPresent(why -> node.put("problem", why));
        published.crl().ifPresent(crl -> {
            node.put("thisUpdate", UtcTime.iso(crl.thisUpdate()));
            crl.nextUpdate().ifPresent(next -> node.put("nextUpdate", UtcTime.iso(next)));
            node.put("bytes", crl.bytes());
            node.put("entries", crl.entries());
            node.put("delta", crl.deltaOf().isPresent() || !crl.deltaCrls().isEmpty());
            crl.deltaOf().ifPresent(base -> node.put("deltaOf", base));
            ArrayNode deltas = node.putArray("deltaCrls");
            crl.deltaCrls().forEach(deltas::add);
        });
        return node;
    }
}
