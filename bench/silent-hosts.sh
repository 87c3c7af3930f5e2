#!/usr/bin/env bash
# Silent hosts must not serialise a run.
#
#   bench/silent-hosts.sh [N_GOOD] [N_SILENT] [HANDSHAKE_TIMEOUT_S]      (defaults: 200 20 5)
#
# Starts, on 127.0.0.1 only, one TLS server that answers N_GOOD names (nginx when installed,
# otherwise `openssl s_server -www`) and N_SILENT listeners that accept TCP and never send a byte.
# Then, in the same run, it times (3 runs each, median of wall time; certcheck with --handshake-timeout T):
#   (a)  certcheck over the good hosts only         expect exit 0, N_GOOD PASS
#   (b)  certcheck over good + silent hosts         expect exit 3, N_GOOD PASS and
#                                                   N_SILENT UNKNOWN probe.handshake-timeout
#   baseline: `xargs -P 8 timeout T openssl s_client` over the good hosts
#   context:  `java -jar certcheck.jar --version` (JVM start, no probing)
# The claim holds when (b) - (a) <= 1.5 x T: the silent hosts cost about one handshake timeout,
# not N_SILENT of them (a serial loop would need N_SILENT x T; that figure is computed, not run).
#
# Prints the figures and writes them to bench/results/silent-hosts.md (gitignored).
# Exit status: 0 when every check passed and the claim holds; 1 when certcheck misbehaved (wrong exit
# code or report, a run killed by the guard timeout) or the claim does not hold; 2 on bad arguments
# or a missing tool. Names resolve only from a hosts file (-Djdk.net.hosts.file), never from DNS.
# BENCH_CERTCHECK_ARGS (unset by default) adds options to both certcheck runs, e.g. '-c 2' to see
# the benchmark fail when concurrency is starved.
set -euo pipefail

usage() { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then usage; fi
N_GOOD=${1:-200}
N_SILENT=${2:-20}
T=${3:-5}
for v in "$N_GOOD" "$N_SILENT" "$T"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "silent-hosts: '$v' is not a positive whole number" >&2; usage; }
done
[ $# -le 3 ] || usage
RUNS=3
XARGS_P=8

bench_name=silent-hosts
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
need_tools java openssl python3 timeout xargs
results="$results_dir/silent-hosts.md"

# --- 0. the jar, a temp dir ---------------------------------------------------------------------
ensure_jar
make_tmp

# --- 1. a CA and one leaf for *.bench.test ------------------------------------------------------
log "minting a CA and a *.bench.test leaf in $tmp"
mint_root "$tmp"
leaf_cmd "$tmp"
"${leaf[@]}" -subj "/CN=*.bench.test" -set_serial "0x$(openssl rand -hex 8)" \
  -addext "subjectAltName=DNS:*.bench.test" -keyout "$tmp/leaf.key" -out "$tmp/leaf.pem" 2>/dev/null
# The server sends leaf then root, as many servers do; certcheck tolerates the extra.
cat "$tmp/leaf.pem" "$tmp/root.pem" > "$tmp/chain.pem"

# --- 2. servers ---------------------------------------------------------------------------------
port=$(free_port)
if command -v nginx >/dev/null 2>&1; then
  mkdir -p "$tmp/nginx"
  # A throwaway instance: own prefix, pid, logs and temp paths; nothing from /etc/nginx is read.
  { nginx_head "$tmp/nginx"; cat <<EOF
  server {
    listen 127.0.0.1:$port ssl backlog=1024;
    server_name _;
    ssl_certificate $tmp/chain.pem;
    ssl_certificate_key $tmp/leaf.key;
    location / { return 200 "ok\n"; }
  }
}
EOF
  } > "$tmp/nginx/nginx.conf"
  nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" &
  pids+=($!)
  server="nginx $(nginx -v 2>&1 | sed 's|.*nginx/||') ($(nproc) worker processes)"
else
  log "nginx not found (apt-get install -y nginx-light); falling back to openssl s_server, which is single-threaded"
  openssl s_server -quiet -www -accept "127.0.0.1:$port" -naccept 1000000 \
    -cert "$tmp/leaf.pem" -key "$tmp/leaf.key" -cert_chain "$tmp/root.pem" </dev/null >"$tmp/s_server.log" 2>&1 &
  pids+=($!)
  server="openssl s_server -www ($(openssl version | cut -d' ' -f1-2), single-threaded)"
fi
wait_for_port "$port" 10 || { log "the TLS server did not start on 127.0.0.1:$port"; cat "$tmp"/nginx/error.log "$tmp"/s_server.log 2>/dev/null >&2; exit 2; }

# Silent listeners: accept every connection and hold it, never sending a byte.
start_silent "$N_SILENT"

# --- 3. hosts file for the JVM and host lists ---------------------------------------------------
# The silent hosts are spread through the list (one after every N_GOOD/N_SILENT good ones), so a
# run cannot look good merely because they happen to come first or last.
: > "$tmp/hosts"
: > "$tmp/good.txt"
: > "$tmp/all.txt"
: > "$tmp/good-names"
step=$(( N_GOOD / N_SILENT )); [ "$step" -ge 1 ] || step=1
j=0
for ((i = 1; i <= N_GOOD; i++)); do
  echo "127.0.0.1 h$i.bench.test" >> "$tmp/hosts"
  echo "h$i.bench.test" >> "$tmp/good-names"
  echo "h$i.bench.test:$port" >> "$tmp/good.txt"
  echo "h$i.bench.test:$port" >> "$tmp/all.txt"
  if (( i % step == 0 && j < N_SILENT )); then
    echo "s$((j + 1)).bench.test:${silent_ports[j]}" >> "$tmp/all.txt"; j=$((j + 1))
  fi
done
for ((; j < N_SILENT; j++)); do echo "s$((j + 1)).bench.test:${silent_ports[j]}" >> "$tmp/all.txt"; done
for ((j = 1; j <= N_SILENT; j++)); do echo "127.0.0.1 s$j.bench.test" >> "$tmp/hosts"; done

# --- 4. measurements ----------------------------------------------------------------------------
# A run that takes longer than a fully serial one plus two minutes is called a hang and killed.
guard=$(( N_SILENT * T + 120 ))
problems=()

# certcheck LIST OUT -> sets rc and ms
certcheck_run() {
  local start
  start=$(now_ms)
  rc=0
  timeout --kill-after=5 "$guard" java -Djdk.net.hosts.file="$tmp/hosts" -jar "$jar" \
    --ca "$tmp/root.pem" --handshake-timeout "${T}s" -o json ${BENCH_CERTCHECK_ARGS:-} "$1" \
    > "$2.json" 2> "$2.err" || rc=$?
  ms=$(( $(now_ms) - start ))
}

# check_report JSON EXPECTED_RC RC WANT_UNKNOWN -> prints problems, one a line; nothing when fine.
# It also writes "GOOD_MAX SILENT_MIN SILENT_MAX" (elapsedMs; - when none) to JSON.stats.
check_report() {
  python3 - "$@" "$N_GOOD" <<'EOF'
import json, sys
path, want_rc, rc, want_unknown, n_good = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
out = []
if rc != want_rc:
    out.append(f"exit code {rc}, expected {want_rc}" + (" (killed by the guard timeout: a hang)" if rc in (124, 137) else ""))
try:
    with open(path) as f:
        doc = json.load(f)
    s = doc["summary"]
    targets = [(t["target"], t["status"], [f["code"] for f in t["findings"]], t["elapsedMs"]) for t in doc["targets"]]
except (OSError, ValueError, KeyError, TypeError) as e:
    print("\n".join(out + [f"no readable JSON report: {type(e).__name__}: {e}"]))
    sys.exit(0)
if (s["pass"], s["unknown"], s["total"]) != (n_good, want_unknown, n_good + want_unknown):
    out.append(f"summary pass={s['pass']} unknown={s['unknown']} total={s['total']}, "
               f"expected pass={n_good} unknown={want_unknown} total={n_good + want_unknown}")
silent_ms, good_ms = [], []
for name, status, codes, elapsed in targets:
    if name.startswith("h"):
        good_ms.append(elapsed)
    if name.startswith("h") and status != "PASS":
        out.append(f"{name}: {status} {codes}, expected PASS")
    if name.startswith("s"):
        silent_ms.append(elapsed)
        if status != "UNKNOWN" or "probe.handshake-timeout" not in codes:
            out.append(f"{name}: {status} {codes}, expected UNKNOWN probe.handshake-timeout")
with open(path + ".stats", "w") as f:
    f.write(" ".join(str(v) for v in (max(good_ms, default="-"), min(silent_ms, default="-"),
                                     max(silent_ms, default="-"))) + "\n")
print("\n".join(out[:10] + ([f"... and {len(out) - 10} more"] if len(out) > 10 else [])))
EOF
}

note_problems() {  # label text
  local line
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    problems+=("$1: $line")
    log "PROBLEM $1: $line"
  done <<< "$2"
}

log "server: $server on 127.0.0.1:$port; silent ports: ${silent_ports[*]}"
log "warming up (one JVM start and one good-only run, not counted)"
java -jar "$jar" --version >/dev/null
certcheck_run "$tmp/good.txt" "$tmp/warmup"

ms_a=(); ms_b=(); ms_x=(); ms_j=(); stats_a=(); stats_b=()
for ((r = 1; r <= RUNS; r++)); do
  # (a) and (b) alternate so that drift in the machine's load hits both alike.
  certcheck_run "$tmp/good.txt" "$tmp/a$r"
  ms_a+=("$ms"); log "run $r (a) good only:     $(secs "$ms") s, exit $rc"
  note_problems "run $r (a)" "$(check_report "$tmp/a$r.json" 0 "$rc" 0)"
  stats_a+=("$(cat "$tmp/a$r.json.stats" 2>/dev/null || echo '- - -')")

  certcheck_run "$tmp/all.txt" "$tmp/b$r"
  ms_b+=("$ms"); log "run $r (b) good + silent: $(secs "$ms") s, exit $rc"
  note_problems "run $r (b)" "$(check_report "$tmp/b$r.json" 3 "$rc" "$N_SILENT")"
  stats_b+=("$(cat "$tmp/b$r.json.stats" 2>/dev/null || echo '- - -')")

  start=$(now_ms); rc=0
  xargs -P "$XARGS_P" -I{} timeout "$T" openssl s_client -connect "127.0.0.1:$port" -servername {} \
    -verify_hostname {} -CAfile "$tmp/root.pem" -verify_return_error \
    < "$tmp/good-names" > /dev/null 2>&1 || rc=$?
  ms=$(( $(now_ms) - start )); ms_x+=("$ms")
  log "run $r baseline xargs -P $XARGS_P openssl s_client: $(secs "$ms") s, exit $rc"
  [ "$rc" -eq 0 ] || note_problems "run $r baseline" "xargs exit $rc: an openssl s_client failed (the baseline is not comparable)"

  start=$(now_ms); java -jar "$jar" --version >/dev/null; ms_j+=("$(( $(now_ms) - start ))")
done

# --- 5. results ---------------------------------------------------------------------------------
a=$(median "${ms_a[@]}"); b=$(median "${ms_b[@]}"); x=$(median "${ms_x[@]}"); jvm=$(median "${ms_j[@]}")
d=$(( b - a ))
serial_ms=$(( N_SILENT * T * 1000 ))
d_over_t=$(ratio "$d" $(( T * 1000 )))
if awk -v d="$d" -v t="$T" 'BEGIN { exit !(d <= 1.5 * t * 1000) }'; then
  claim="HOLDS"
else
  claim="DOES NOT HOLD"
  problems+=("claim: (b) - (a) = $(secs "$d") s is more than 1.5 x T = $(awk -v t="$T" 'BEGIN{print 1.5*t}') s")
fi
runs_s() { local m out=""; for m in "$@"; do out+="$(secs "$m") "; done; echo "${out% }"; }
column() {  # N LINES... -> the Nth fields that are numbers, one a line
  local n=$1; shift
  printf '%s\n' "$@" | awk -v n="$n" '$n ~ /^[0-9]+$/ { print $n }'
}
good_max_a=$(column 1 "${stats_a[@]}" | sort -n | tail -n 1)
good_max_b=$(column 1 "${stats_b[@]}" | sort -n | tail -n 1)
silent_min=$(column 2 "${stats_b[@]}" | sort -n | sed -n 1p)
silent_max=$(column 3 "${stats_b[@]}" | sort -n | tail -n 1)

mkdir -p "$results_dir"
{
  echo "# Silent hosts do not serialise the run"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/silent-hosts.sh $N_GOOD $N_SILENT $T\` on $(nproc) cores"
  echo "($(java -version 2>&1 | sed -n 1p); $(openssl version); $(java -jar "$jar" --version 2>/dev/null | sed -n 1p);"
  echo "commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet -- src pom.xml 2>/dev/null || echo ' plus uncommitted changes'))."
  echo
  echo "Scenario: $N_GOOD good hosts (\`hI.bench.test\`, one $server on 127.0.0.1:$port) and"
  echo "$N_SILENT silent hosts (\`sJ.bench.test\`, each its own port that accepts TCP and never answers),"
  echo "names from a JVM hosts file; options \`--handshake-timeout ${T}s${BENCH_CERTCHECK_ARGS:+ $BENCH_CERTCHECK_ARGS}\`, the others (concurrency,"
  echo "connect timeout) at their defaults."
  echo "Wall time of the whole command, JVM start included; $RUNS runs each, (a) and (b) alternating."
  echo
  echo "| measurement | runs (s) | median (s) |"
  echo "| --- | --- | --- |"
  echo "| (a) certcheck, $N_GOOD good hosts | $(runs_s "${ms_a[@]}") | $(secs "$a") |"
  echo "| (b) certcheck, $N_GOOD good + $N_SILENT silent hosts | $(runs_s "${ms_b[@]}") | $(secs "$b") |"
  echo "| baseline: \`xargs -P $XARGS_P openssl s_client\`, $N_GOOD good hosts | $(runs_s "${ms_x[@]}") | $(secs "$x") |"
  echo "| context: JVM start only (\`certcheck --version\`) | $(runs_s "${ms_j[@]}") | $(secs "$jvm") |"
  echo
  echo "| figure | value |"
  echo "| --- | --- |"
  echo "| cost of the silent hosts, (b) - (a) | $(secs "$d") s = **$d_over_t x T** (claim: <= 1.5 x T) |"
  echo "| claim \"silent hosts cost about one handshake timeout\" | **$claim** |"
  echo "| naive serial loop over the silent hosts, $N_SILENT x T (computed, not run) | $(secs "$serial_ms") s |"
  echo "| (b) - (a) against that serial cost | $(ratio "$d" "$serial_ms") |"
  echo "| (a) against the xargs baseline, (a) / baseline | $(ratio "$a" "$x") |"
  echo "| (a) without JVM start, against the baseline | $(ratio $(( a > jvm ? a - jvm : 0 )) "$x") |"
  echo "| elapsedMs of the silent targets in (b), min - max over all runs | ${silent_min:-?} - ${silent_max:-?} ms (T = $((T * 1000)) ms) |"
  echo "| slowest good target's elapsedMs, over all runs of (a) / of (b) | ${good_max_a:-?} / ${good_max_b:-?} ms (T = $((T * 1000)) ms) |"
  echo
  if [ ${#problems[@]} -eq 0 ]; then
    echo "Checks: every run of (a) exited 0 with $N_GOOD PASS; every run of (b) exited 3 with $N_GOOD PASS and"
    echo "$N_SILENT UNKNOWN \`probe.handshake-timeout\`; every baseline \`openssl s_client\` verified its host."
  else
    echo "Problems:"
    echo
    for p in "${problems[@]}"; do echo "- $p"; done
  fi
} > "$results"

cat "$results"
log "written to ${results#"$repo/"}"
[ ${#problems[@]} -eq 0 ]
