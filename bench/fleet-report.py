#!/usr/bin/env python3
"""Records, checks and reports for bench/fleet.sh (standard library only).

  fleet-report.py record  RECORDS key=value...            append one measurement
  fleet-report.py check   RECORDS REPORT.json key=value... check a certcheck JSON report, append
                                                           the measurement with what was found
  fleet-report.py report  RECORDS OUT.md OUT.json          medians, ratios, targets

RECORDS is a JSON-lines file, one measurement a line; values that look like numbers are numbers.
`check` prints each problem it found on stdout, one a line (nothing when the report is right).
Its expectations are the keys want_rc, want_pass, want_unknown, want_certs (distinct leaf serial
numbers, i.e. each name answered with its own certificate) and rc, the exit code seen.
"""
import json
import statistics
import sys


def typed(value):
    if value == "":
        return None
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


# Always text, even when they look like numbers (a short commit hash can be all digits).
TEXT = {"commit", "certcheck", "java", "openssl", "nginx", "label", "engine", "how"}


def fields(pairs):
    out = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        out[key] = value if key in TEXT else typed(value)
    return out


def rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, list):
        return [rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    return value


def append(path, rec):
    with open(path, "a") as f:
        f.write(json.dumps(rec) + "\n")


def check(path, report, rec):
    problems = []
    if rec["rc"] != rec["want_rc"]:
        hang = " (killed by the guard timeout: a hang)" if rec["rc"] in (124, 137) else ""
        problems.append(f"exit code {rec['rc']}, expected {rec['want_rc']}{hang}")
    try:
        with open(report) as f:
            doc = json.load(f)
        summary, targets = doc["summary"], doc["targets"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        problems.append(f"no readable JSON report: {type(e).__name__}: {e}")
        summary, targets = None, []
    if summary is not None:
        want_pass, want_unknown = rec["want_pass"], rec.get("want_unknown", 0)
        got = (summary["pass"], summary["unknown"], summary["total"])
        if got != (want_pass, want_unknown, want_pass + want_unknown):
            problems.append(f"summary pass={got[0]} unknown={got[1]} total={got[2]}, expected "
                            f"pass={want_pass} unknown={want_unknown} total={want_pass + want_unknown}")
    good_ms, silent_ms, serials, wrong = [], [], set(), []
    for t in targets:
        codes = [f["code"] for f in t.get("findings", [])]
        if t["target"].startswith("s"):
            silent_ms.append(t["elapsedMs"])
            if t["status"] != "UNKNOWN" or "probe.handshake-timeout" not in codes:
                wrong.append(f"{t['target']}: {t['status']} {codes}, expected UNKNOWN probe.handshake-timeout")
        else:
            good_ms.append(t["elapsedMs"])
            if t["status"] != "PASS":
                wrong.append(f"{t['target']}: {t['status']} {codes}, expected PASS")
            if "certificate" in t:
                serials.add(t["certificate"]["serialNumber"])
    problems += wrong[:5] + ([f"... and {len(wrong) - 5} more targets like these"] if len(wrong) > 5 else [])
    if "want_certs" in rec and targets and len(serials) != rec["want_certs"]:
        problems.append(f"{len(serials)} distinct leaf certificates seen, expected {rec['want_certs']} "
                        "(does each name get its own certificate?)")
    rec.update(good_max_ms=max(good_ms, default=None), silent_min_ms=min(silent_ms, default=None),
               silent_max_ms=max(silent_ms, default=None), certs_seen=len(serials), problems=problems)
    append(path, rec)
    print("\n".join(problems))


# --- report ---------------------------------------------------------------------------------------

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=2, unit=""):
    return "?" if value is None else f"{value:,.{digits}f}{unit}"


def div(a, b):
    return None if a is None or not b else a / b


def ceiling(row, capacity):
    """Whether 3x the xargs rate is possible at all on this box: it cannot exceed the raw capacity."""
    if not row["xargs_hosts_per_s"] or not capacity:
        return ""
    best = capacity / row["xargs_hosts_per_s"]
    return (f" (ceiling on this box: the raw capacity, {capacity:,.0f} handshakes/s, is {best:.1f}x the xargs rate"
            + (", so 3x cannot be reached by any client)" if best < 3 else ")"))


def report(path, out_md, out_json):
    with open(path) as f:
        recs = [json.loads(line) for line in f if line.strip()]
    meta = next(r for r in recs if r["kind"] == "meta")
    of = lambda kind, **kw: [r for r in recs if r["kind"] == kind and all(r.get(k) == v for k, v in kw.items())]
    cpu = lambda r: None if r.get("user_s") is None or r.get("sys_s") is None else r["user_s"] + r["sys_s"]
    meta = dict(meta, sizes=[int(n) for n in str(meta["sizes"]).strip("[]").split(",")])
    problems = [f"{r.get('label', r['kind'])}: {p}" for r in recs for p in r.get("problems", [])]
    problems += [r["text"] for r in of("problem")]

    caps = [r["connections"] / (r["wall_ms"] / 1000) for r in of("s_time")]
    capacity = med(caps)
    s_time_cpu_ms = med([1000 * r["cpu_s"] / r["connections"] for r in of("s_time") if r["connections"]])
    single = {how: of("single", how=how) for how in ("jar", "launcher", "launcher-jdk", "version", "s_client")}
    single_med = {how: med([r["wall_ms"] / 1000 for r in rs]) for how, rs in single.items()}
    single_cpu = {how: med([cpu(r) for r in rs]) for how, rs in single.items()}
    start_s = single_med["launcher"]

    # One row per N and TLS engine (issue 15); the first engine is certcheck's default, which the targets judge.
    engines = str(meta.get("engines") or "").split() or [None]
    sizes = []
    for n, engine in [(n, e) for n in meta["sizes"] for e in engines]:
        cc = of("certcheck", scenario="fleet", n=n, **({"engine": engine} if engine else {}))
        xa = [r for r in of("xargs", n=n) if r["run"] > 0]  # run 0 is the warm-up
        wall, xwall = med([r["wall_ms"] / 1000 for r in cc]), med([r["wall_ms"] / 1000 for r in xa])
        res = of("resolve", n=n)
        named = of("certcheck", scenario="fleet-resolved", n=n, **({"engine": engine} if engine else {}))
        row = dict(n=n, engine=engine or "default", runs=len(cc), wall_s=wall, cpu_s=med([cpu(r) for r in cc]),
                   rss_mb=max((r["rss_kb"] / 1024 for r in cc if r.get("rss_kb")), default=None),
                   hosts_per_s=div(n, wall), xargs_runs=len(xa), xargs_wall_s=xwall,
                   cpu_ms_per_host=div(1000 * (med([cpu(r) for r in cc]) or 0), n) if cc else None,
                   xargs_cpu_ms_per_host=div(1000 * (med([cpu(r) for r in xa]) or 0), n) if xa else None,
                   xargs_hosts_per_s=div(n, xwall), speedup_vs_xargs=div(xwall, wall),
                   share_of_capacity=div(div(n, wall), capacity),
                   hosts_per_s_after_start=div(n, wall - start_s) if wall and start_s and wall > start_s else None,
                   resolve_ms=res[0]["wall_ms"] if res else None, resolve_names=res[0]["names"] if res else None,
                   named_wall_s=med([r["wall_ms"] / 1000 for r in named]), named_cpu_s=med([cpu(r) for r in named]),
                   crl_gets=[r.get("crl_gets") for r in cc],
                   walls_s=[r["wall_ms"] / 1000 for r in cc], xargs_walls_s=[r["wall_ms"] / 1000 for r in xa])
        sizes.append(row)
    by_n = {row["n"]: row for row in sizes if row["engine"] == (engines[0] or "default")}
    by_engine = {e or "default": {row["n"]: row for row in sizes if row["engine"] == (e or "default")} for e in engines}

    sil = {v: of("certcheck", scenario="silent", variant=v) for v in ("a", "b")}
    sil_med = {v: med([r["wall_ms"] / 1000 for r in rs]) for v, rs in sil.items()}
    t = meta["handshake_timeout_s"]
    sil_cost = sil_med["b"] - sil_med["a"] if sil_med["a"] is not None and sil_med["b"] is not None else None

    rev = {m: of("certcheck", scenario="revocation", mode=m) for m in ("off", "on")}
    rev_gets = [r["crl_gets"] for r in rev["on"]]
    rev_med = {m: med([r["wall_ms"] / 1000 for r in rs]) for m, rs in rev.items()}
    jar_context = of("certcheck", scenario="jar-context")

    # The targets of issue 15, each as (target, measured on every engine, met by the default engine or None).
    key_n = 1000 if 1000 in by_n else max(by_n)
    k = by_n[key_n]
    at = "" if key_n == 1000 else f" (set for 1,000 hosts; measured at N = {key_n:,})"
    big_n = max(by_n)
    big = by_n[big_n]
    big_at = "" if big_n >= 10000 else f" (set for 10,000; measured at N = {big_n:,})"
    each = lambda n, show: "; ".join(f"{e}: {show(rows[n])}" for e, rows in by_engine.items() if n in rows)
    pct = lambda row: fmt(None if row["share_of_capacity"] is None else 100 * row["share_of_capacity"], 0, "%")
    # One s_client's CPU, as the xargs loop measures it (a single run is below /usr/bin/time's resolution).
    s_client_cpu_ms = k["xargs_cpu_ms_per_host"]
    targets = [
        (f"1,000 hosts at least 50% of the raw handshake capacity{at}", each(key_n, pct),
         None if k["share_of_capacity"] is None else k["share_of_capacity"] >= 0.5),
        (f"1,000 hosts at least 3x the `xargs -P 8 openssl s_client` loop{at}",
         each(key_n, lambda row: fmt(row["speedup_vs_xargs"], 1, "x")) + ceiling(k, capacity),
         None if k["speedup_vs_xargs"] is None else k["speedup_vs_xargs"] >= 3),
        (f"1,000 hosts: client CPU per host at most one `openssl s_client`'s ({fmt(s_client_cpu_ms, 1, ' ms')}){at}",
         each(key_n, lambda row: fmt(row["cpu_ms_per_host"], 1, " ms")),
         None if k["cpu_ms_per_host"] is None or s_client_cpu_ms is None else k["cpu_ms_per_host"] <= s_client_cpu_ms),
        (f"10,000 targets: peak RSS <= 300 MB through the launcher{big_at}",
         each(big_n, lambda row: fmt(row["rss_mb"], 0, " MB"))
         + (f"; context, `java -jar`: {fmt(max(r['rss_kb'] or 0 for r in jar_context) / 1024, 0, ' MB')}"
            if jar_context else ""),
         None if big["rss_mb"] is None else big["rss_mb"] <= 300),
        (f"10,000 targets: at least 60% of the raw handshake capacity{big_at}", each(big_n, pct),
         None if big["share_of_capacity"] is None else big["share_of_capacity"] >= 0.6),
        ("single host end to end <= 0.4 s (`./certcheck`)",
         f"conscrypt (default): {fmt(single_med['launcher'], 2, ' s')} (CPU {fmt(single_cpu['launcher'], 2, ' s')}); "
         f"jdk: {fmt(single_med['launcher-jdk'], 2, ' s')}; context, `java -jar`: {fmt(single_med['jar'], 2, ' s')}",
         None if single_med["launcher"] is None else single_med["launcher"] <= 0.4),
    ]
    targets.append(("silent hosts cost at most 1.5 handshake timeouts",
                    "?" if sil_cost is None else f"{sil_cost / t:.2f} x T",
                    None if sil_cost is None else sil_cost <= 1.5 * t))
    if rev["on"]:
        targets.append((f"revocation on: {meta['revocation_n']:,} hosts under one CA trigger one CRL download",
                        "downloads per run: " + ", ".join(map(str, rev_gets)), all(g == 1 for g in rev_gets)))
    else:
        targets.append(("revocation on: one CRL download", "not measured: " + meta.get("revocation_note", ""), None))

    doc = dict(meta=meta, raw_handshakes_per_s=capacity, raw_samples_per_s=caps,
               s_time_client_cpu_ms_per_handshake=s_time_cpu_ms, sizes=sizes,
               single_host={how: dict(median_wall_s=single_med[how], median_cpu_s=single_cpu[how],
                                      walls_s=[r["wall_ms"] / 1000 for r in rs]) for how, rs in single.items()},
               silent=dict(good=meta["silent_good"], silent=meta["silent_count"], handshake_timeout_s=t,
                           good_only_s=sil_med["a"], with_silent_s=sil_med["b"], cost_s=sil_cost,
                           cost_in_timeouts=div(sil_cost, t),
                           silent_elapsed_ms=[(r["silent_min_ms"], r["silent_max_ms"]) for r in sil["b"]]),
               revocation=dict(measured=bool(rev["on"]), note=meta.get("revocation_note"), n=meta["revocation_n"],
                               off_s=rev_med["off"], on_s=rev_med["on"], crl_downloads_per_run=rev_gets),
               jar_context=[dict(n=r.get("n"), wall_s=r["wall_ms"] / 1000, cpu_s=cpu(r), rss_mb=(r["rss_kb"] or 0) / 1024)
                            for r in jar_context],
               load=[dict(at=r["at"], load=r["load"]) for r in of("load")],
               targets=[dict(target=a, measured=b, met=c) for a, b, c in targets],
               problems=problems, records=recs)
    with open(out_json, "w") as f:
        json.dump(rounded(doc), f, indent=2)
        f.write("\n")
    with open(out_md, "w") as f:
        f.write(markdown(doc, meta, sizes, single, single_med, capacity, caps, sil, sil_med, sil_cost, rev, rev_med,
                         jar_context, targets, problems, cpu))


def markdown(doc, meta, sizes, single, single_med, capacity, caps, sil, sil_med, sil_cost, rev, rev_med,
             jar_context, targets, problems, cpu):
    L = []
    w = L.append
    w("# certcheck fleet benchmark\n")
    during = "; ".join(f"{x['at']}: {x['load']}" for x in doc["load"])
    w(f"Measured {meta['date']} by `{meta['command']}` on {meta['cores']} cores, shared with other work: "
      f"load average (1, 5, 15 min) **{meta['load_start']}** at the start, **{meta['load_end']}** at the end "
      f"(at each part: {during}).")
    w(f"{meta['java']}; {meta['openssl']}; nginx {meta['nginx']}; {meta['certcheck']}; commit {meta['commit']}.\n")
    w(f"Fleet: {meta['names']:,} names `hI.fleet.test`, each with its own EC P-256 leaf (SAN = that name, a CRL "
      f"distribution point) from a throwaway root; one nginx with {meta['names']:,} `server` blocks on "
      f"{meta['addresses']} loopback addresses (127.1.0.x) x {meta['ports']} port(s). A list of N <= "
      f"{meta['names']:,} targets is N distinct names; beyond that the same names are listed again on further "
      "ports (see bench/README.md for why). certcheck and the baselines get the same input: each name with the "
      "address to connect to (certcheck's `name@address:port`, s_client's `-connect ADDR -servername NAME`). Once "
      "per N, certcheck also resolves the names itself through a JVM hosts file (`-Djdk.net.hosts.file`, one line "
      "per address), for context.")
    w(f"certcheck runs as `{meta['certcheck_cmd']}`; times are wall time of the whole command, JVM start "
      "included; CPU is user + sys of the process; RSS is the peak (`/usr/bin/time -f %M`).\n")

    w("## Throughput\n")
    w(f"Raw handshake capacity of this box against the same nginx: **{fmt(capacity, 0)} handshakes/s** "
      f"(median of {len(caps)}: {', '.join(fmt(c, 0) for c in caps)}; each {meta['s_time_instances']} parallel "
      f"`openssl s_time -new -time {meta['s_time_secs']}`, client and server on the same cores, full TLS 1.3 "
      "handshakes, no resumption).\n")
    ns = " / ".join(f"{s['n']:,} {s['engine']}" for s in sizes)
    cc_cpu = " / ".join(fmt(s["cpu_ms_per_host"], 1) for s in sizes)
    xa_cpu = " / ".join(fmt(s["xargs_cpu_ms_per_host"], 1) for s in sizes)
    w("Wall-time figures move with the machine's load; CPU per host moves less. Client CPU per host "
      f"(N = {ns}): **certcheck {cc_cpu} ms**, `openssl s_client` processes under xargs {xa_cpu} ms, "
      f"`openssl s_time` {fmt(doc['s_time_client_cpu_ms_per_handshake'], 2)} ms per handshake "
      "(the server's CPU is not counted).\n")
    w("| N | TLS engine | certcheck median (runs) | hosts/s | CPU (s) | CPU per host | peak RSS | "
      "`xargs -P 8 s_client` median (runs) | certcheck vs xargs | certcheck / raw capacity | hosts/s net of JVM start | "
      "context: names through the hosts file (CPU) | hosts-file lookups alone |")
    w("| ---: | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for s in sizes:
        lookups = "?" if s["resolve_ms"] is None else f"{s['resolve_ms'] / 1000:.2f} s for {s['resolve_names']:,} names"
        share = None if s["share_of_capacity"] is None else 100 * s["share_of_capacity"]
        w(f"| {s['n']:,} | {s['engine']} | {fmt(s['wall_s'])} s ({', '.join(fmt(x) for x in s['walls_s'])}) | "
          f"{fmt(s['hosts_per_s'], 0)} | {fmt(s['cpu_s'], 1)} | {fmt(s['cpu_ms_per_host'], 1)} ms | "
          f"{fmt(s['rss_mb'], 0)} MB | "
          f"{fmt(s['xargs_wall_s'])} s ({', '.join(fmt(x) for x in s['xargs_walls_s'])}) | "
          f"**{fmt(s['speedup_vs_xargs'], 1)}x** faster | **{fmt(share, 0)}%** | "
          f"{fmt(s['hosts_per_s_after_start'], 0)} | "
          f"{'-' if s['named_wall_s'] is None else fmt(s['named_wall_s']) + ' s (' + fmt(s['named_cpu_s'], 1) + ' s)'} | "
          f"{lookups} |")
    w("")
    gets = "; ".join(f"N = {s['n']:,}: {', '.join(str(g) for g in s['crl_gets'])}" for s in sizes)
    w(f"CRL downloads during these runs (certcheck's default revocation setting): {gets}.\n")
    for r in jar_context:
        w(f"Context, the plain jar with the JVM's defaults (C2 compiler, heap sized from the machine's RAM; "
          f"`java -Djdk.net.hosts.file=HOSTS -jar target/certcheck.jar`, same options), N = {r['n']:,}: "
          f"{fmt(r['wall_ms'] / 1000)} s, CPU {fmt(cpu(r), 1)} s, peak RSS {fmt((r['rss_kb'] or 0) / 1024, 0)} MB.\n")
    w("*hosts/s net of JVM start* subtracts the single-host `./certcheck` median below. *names through the hosts "
      "file* is one run of the same hosts given as `host:port`, certcheck resolving each name (default engine "
      "only). *hosts-file lookups alone* is one JVM resolving every distinct name of the list once, one after "
      "another, through the same hosts file: the JDK scans the whole file for each name, a cost of the bench "
      "(real DNS differs), part of the context run's time.\n")

    w("## Single host, end to end\n")
    w(f"Target `{meta['single_target']}` (table output), JVM start included; runs alternate between the commands.\n")
    w("| command | median wall | median CPU user+sys | runs (s) |")
    w("| --- | ---: | ---: | --- |")
    names = dict(jar="`java -jar target/certcheck.jar`", launcher="`./certcheck` (the launcher, default engine)",
                 **{"launcher-jdk": "`./certcheck --tls-engine jdk`"},
                 version="context: `./certcheck --version`",
                 s_client="context: one `openssl s_client`")
    for how, rs in single.items():
        w(f"| {names[how]} | {fmt(single_med[how])} s | {fmt(med([cpu(r) for r in rs]))} s | "
          f"{', '.join(fmt(r['wall_ms'] / 1000) for r in rs)} |")
    w("")

    w("## Silent hosts\n")
    t = meta["handshake_timeout_s"]
    w(f"{meta['silent_good']:,} good hosts, alone (a) and with {meta['silent_count']} hosts that accept TCP and never "
      f"answer spread through the list (b); `--handshake-timeout {t}s`; {len(sil['a'])} runs each, alternating.\n")
    w("| measurement | median | runs (s) |")
    w("| --- | ---: | --- |")
    for v, label in (("a", "(a) good only"), ("b", "(b) good + silent")):
        w(f"| {label} | {fmt(sil_med[v])} s | {', '.join(fmt(r['wall_ms'] / 1000) for r in sil[v])} |")
    cost = "?" if sil_cost is None else f"{sil_cost:.2f} s = **{sil_cost / t:.2f} handshake timeouts**"
    w(f"| (b) - (a) | {cost} | serial cost would be {meta['silent_count']} x T = {meta['silent_count'] * t} s |")
    w("")

    w("## Revocation\n")
    if rev["on"]:
        w(f"{meta['revocation_n']:,} hosts, all under the one root whose CRL is served by a local `python3 -m "
          f"http.server` that logs each request; runs alternate `--revocation off` and `{meta['revocation_on']}`.\n")
        w("| mode | median | CRL downloads per run |")
        w("| --- | ---: | --- |")
        for m, label in (("off", "`--revocation off`"), ("on", f"`{meta['revocation_on']}`")):
            w(f"| {label} | {fmt(rev_med[m])} s | {', '.join(str(r['crl_gets']) for r in rev[m])} |")
    else:
        w(f"Not measured: {meta.get('revocation_note', '')}")
    w("")

    w("## Targets of issue 15\n")
    w("Measured on every engine side by side; *met* judges the default engine (conscrypt where it loads).\n")
    w("| target | measured | met |")
    w("| --- | --- | --- |")
    for a, b, c in targets:
        w(f"| {a} | {b} | {'yes' if c else 'no' if c is not None else 'not measured'} |")
    w("")
    if problems:
        w("## Problems\n")
        for p in problems:
            w(f"- {p}")
    else:
        w("Checks: every certcheck run gave the exit code and verdicts expected (every good host PASS, each "
          "name with its own certificate, every silent host UNKNOWN `probe.handshake-timeout`), and every "
          "baseline `openssl s_client` verified its host.")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    cmd, path, *rest = sys.argv[1:]
    if cmd == "record":
        append(path, fields(rest))
    elif cmd == "check":
        check(path, rest[0], fields(rest[1:]))
    elif cmd == "report":
        report(path, *rest)
    else:
        sys.exit(f"fleet-report.py: unknown command {cmd}")
