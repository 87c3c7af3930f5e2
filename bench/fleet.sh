#!/usr/bin/env bash
# certcheck against a local fleet of TLS hosts, with its baselines measured in the same run.
#
#   bench/fleet.sh [--quick | --serve]   (--quick: N = 50, 2 runs, 1 per scenario: for CI, under a
#   minute; --serve: start the fleet, print how to reach it and keep it up until interrupted, to
#   profile or try options by hand)
#
# Starts on loopback only: one nginx serving up to 1,000 names `hI.fleet.test`, each with its own
# certificate (EC P-256) from a throwaway CA, on 50 loopback addresses (127.1.0.x); listeners that
# accept TCP and never answer; a CRL server (python3 http.server) that logs each request. Then
# measures, in the same run (3 runs each unless said otherwise, median):
#   - certcheck over N = 100, 1,000 and 10,000 targets, on each TLS engine (--tls-engine conscrypt
#     and jdk, issue 15): wall time, hosts/s, CPU per host, peak RSS;
#   - baselines over the same targets: `xargs -P 8 openssl s_client` (1 run for N > 1,000), and the
#     raw handshake capacity of the box, parallel `openssl s_time -new`, against the same nginx;
#   - one host end to end, JVM start included, `java -jar` and ./certcheck on each engine (median of 7);
#   - 1,000 good hosts alone and with 100 silent ones (cost in handshake timeouts, T = 5 s);
#   - when certcheck has --revocation: CRL downloads for 1,000 hosts under one CA.
# Writes bench/results/fleet.md and fleet.json (gitignored); bench/README.md explains the figures.
# Exit status: 0 when every certcheck run gave the exit code and verdicts expected (the timing
# targets are reported, they never fail the run); 1 when one did not; 2 on bad arguments or a
# missing tool. Environment: BENCH_SIZES ("100 1000 10000"), BENCH_RUNS (3), BENCH_SINGLE_RUNS (7),
# BENCH_CERTCHECK_ARGS (added to every fleet run), BENCH_REVOCATION_ON ("--revocation hard"),
# BENCH_ENGINES ("conscrypt jdk": the TLS engines of the throughput runs; the other scenarios use the default).
set -euo pipefail

bench_name=fleet
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
usage() { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
quick=0 serve=0
case "$*" in
  "") ;;
  --quick) quick=1 ;;
  --serve) serve=1 ;;
  *) usage ;;
esac
if [ "$quick" = 1 ]; then
  sizes="50" runs=2 scenario_runs=1 single_runs=2 s_time_secs=1 T=2 silent_good=50 silent_count=5 revocation_n=50
else
  sizes="100 1000 10000" runs=3 scenario_runs=3 single_runs=7 s_time_secs=5 T=10 silent_good=1000 silent_count=100
  revocation_n=1000
fi
read -r -a sizes <<< "${BENCH_SIZES:-$sizes}"
runs=${BENCH_RUNS:-$runs}
scenario_runs=${BENCH_RUNS:-$scenario_runs}
single_runs=${BENCH_SINGLE_RUNS:-$single_runs}
for v in "${sizes[@]}" "$runs" "$single_runs"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { log "'$v' is not a positive whole number"; exit 2; }
done
revocation_on=${BENCH_REVOCATION_ON:---revocation hard}
read -r -a engines <<< "${BENCH_ENGINES:-conscrypt jdk}"
XARGS_P=8
S_TIME_P=$(( $(nproc) * 2 ))
PATH=$PATH:/usr/sbin  # where Debian puts nginx
command -v nginx >/dev/null || { log "nginx is needed (apt-get install -y nginx-light)"; exit 2; }
[ -x /usr/bin/time ] || { log "GNU time is needed at /usr/bin/time (apt-get install -y time)"; exit 2; }
need_tools java javac openssl python3 timeout xargs awk

ensure_jar
make_tmp
records="$tmp/records.jsonl"
report_py="$here/fleet-report.py"
load_start=$(load_avg)

# --- 1. the fleet's shape -----------------------------------------------------------------------
# Up to 1,000 distinct names. The JDK's hosts-file resolver scans the whole file for every lookup,
# so 10,000 names would cost minutes of lookups that real DNS does not; beyond 1,000 targets the
# same names are listed again on further ports (each target is still its own connection).
max_n=$silent_good
for n in "${sizes[@]}" "$revocation_n"; do [ "$n" -gt "$max_n" ] && max_n=$n; done
names=$(( max_n < 1000 ? max_n : 1000 ))
ports_n=$(( (max_n + names - 1) / names ))
addrs=$(( names < 50 ? names : 50 ))
fleet_ports=()
while [ ${#fleet_ports[@]} -lt "$ports_n" ]; do
  p=$(free_port)
  [[ " ${fleet_ports[*]} " == *" $p "* ]] || fleet_ports+=("$p")
done

# --- 2. the CRL server, then the PKI whose leaves name it ----------------------------------------
mkdir -p "$tmp/www" "$tmp/certs" "$tmp/nginx"
crl_port=$(free_port)
python3 -m http.server --bind 127.0.0.1 --directory "$tmp/www" "$crl_port" > /dev/null 2> "$tmp/crl.log" &
pids+=($!)
crl_url="http://127.0.0.1:$crl_port/ca.crl"
crl_gets() { grep -c '"GET /ca.crl ' "$tmp/crl.log" || true; }

log "minting a root and $names leaf certificates (EC P-256, one per name) in $tmp"
mint_root "$tmp"
leaf_cmd "$tmp"
serial_base=$(openssl rand -hex 6)
awk -v n="$names" -v d="$tmp/certs" -v b="$serial_base" 'BEGIN { for (i = 1; i <= n; i++)
  printf "-subj /CN=h%d.fleet.test -set_serial 0x%s%06x -addext subjectAltName=DNS:h%d.fleet.test -keyout %s/%d.key -out %s/%d.pem\n",
    i, b, i, i, d, i, d, i }' \
  | xargs -P "$(nproc)" -L 1 "${leaf[@]}" -addext "crlDistributionPoints=URI:$crl_url" > /dev/null 2> "$tmp/mint.log" \
  || { log "minting failed:"; tail -n 5 "$tmp/mint.log" >&2; exit 2; }
cat > "$tmp/ca.cnf" <<EOF
[ ca ]
default_ca = bench
[ bench ]
database = $tmp/index.txt
crlnumber = $tmp/crlnumber
default_md = sha256
default_crl_days = 7
crl_extensions = crl_ext
[ crl_ext ]
authorityKeyIdentifier = keyid:always
EOF
: > "$tmp/index.txt"
echo 01 > "$tmp/crlnumber"
openssl ca -batch -config "$tmp/ca.cnf" -gencrl -keyfile "$tmp/root.key" -cert "$tmp/root.pem" \
  -out "$tmp/ca.crl.pem" 2> "$tmp/crl-mint.log" || { cat "$tmp/crl-mint.log" >&2; exit 2; }
openssl crl -in "$tmp/ca.crl.pem" -outform DER -out "$tmp/www/ca.crl"

# --- 3. nginx: one server block per name, its own certificate -----------------------------------
# The first name on each address is that address's default server: what `s_time` (no SNI) gets.
{
  nginx_head "$tmp/nginx"
  awk -v n="$names" -v a="$addrs" -v ports="${fleet_ports[*]}" -v d="$tmp/certs" 'BEGIN {
    np = split(ports, port, " ")
    for (i = 1; i <= n; i++) {
      print "  server {"
      for (p = 1; p <= np; p++)
        printf "    listen 127.1.0.%d:%s ssl%s;\n", (i - 1) % a + 1, port[p], (i <= a ? " backlog=4096" : "")
      printf "    server_name h%d.fleet.test;\n    ssl_certificate %s/%d.pem;\n", i, d, i
      printf "    ssl_certificate_key %s/%d.key;\n    return 200 \"ok\\n\";\n  }\n", d, i
    }
  }'
  echo "}"
} > "$tmp/nginx/nginx.conf"
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" &
pids+=($!)
wait_for_port "${fleet_ports[-1]}" 60 "127.1.0.$addrs" && wait_for_port "$crl_port" 10 \
  || { log "nginx or the CRL server did not start"; cat "$tmp/nginx/error.log" >&2; exit 2; }
start_silent "$silent_count"

# --- 4. hosts file and target lists -------------------------------------------------------------
awk -v n="$names" -v a="$addrs" 'BEGIN { for (k = 1; k <= a; k++) {
  line = "127.1.0." k; for (i = k; i <= n; i += a) line = line " h" i ".fleet.test"; print line } }' > "$tmp/hosts"
{ printf '127.0.0.1'; for ((j = 1; j <= silent_count; j++)); do printf ' s%d.fleet.test' "$j"; done; echo; } >> "$tmp/hosts"

# make_lists N: at-N.txt (certcheck: name@address:port, the name checked at the address the
# baselines connect to), list-N.txt (certcheck: host:port, names resolved through the hosts file),
# sclient-N.txt (s_client arguments), names-N.txt.
make_lists() {
  awk -v N="$1" -v n="$names" -v a="$addrs" -v ports="${fleet_ports[*]}" -v d="$tmp" 'BEGIN {
    split(ports, port, " ")
    for (k = 0; k < N; k++) {
      i = k % n + 1; p = port[int(k / n) + 1]; h = "h" i ".fleet.test"
      print h ":" p > (d "/list-" N ".txt")
      print h "@127.1.0." ((i - 1) % a + 1) ":" p > (d "/at-" N ".txt")
      print "-connect 127.1.0." ((i - 1) % a + 1) ":" p " -servername " h " -verify_hostname " h > (d "/sclient-" N ".txt")
      if (k < n) print h > (d "/names-" N ".txt")
    }
  }'
}
for n in "${sizes[@]}" "$silent_good" "$revocation_n"; do make_lists "$n"; done
# The silent hosts are spread through the good ones, so they cannot all come first or last.
awk -v step=$(( silent_good / silent_count > 0 ? silent_good / silent_count : 1 )) -v ports="${silent_ports[*]}" '
  BEGIN { s = split(ports, port, " ") }
  { print } NR % step == 0 && j < s { j++; print "s" j ".fleet.test:" port[j] }
  END { while (j < s) { j++; print "s" j ".fleet.test:" port[j] } }' "$tmp/list-$silent_good.txt" > "$tmp/silent-all.txt"

if [ "$serve" = 1 ]; then
  log "serving until interrupted: hosts file $tmp/hosts, CA $tmp/root.pem, lists $tmp/at-N.txt (name@address:port) and $tmp/list-N.txt (names)"
  log "e.g. ./certcheck --ca $tmp/root.pem --fetch-allow 127.0.0.0/8 $tmp/at-1000.txt"
  log "or CERTCHECK_JAVA_OPTS=-Djdk.net.hosts.file=$tmp/hosts ./certcheck --ca $tmp/root.pem --fetch-allow 127.0.0.0/8 $tmp/list-1000.txt"
  while :; do sleep 3600; done
fi

# --- 5. measuring -------------------------------------------------------------------------------
cc_jar=(java -Djdk.net.hosts.file="$tmp/hosts" -jar "$jar")
cc_launcher=(env CERTCHECK_JAVA_OPTS="-Djdk.net.hosts.file=$tmp/hosts" "$repo/certcheck")
# certcheck runs through its launcher, as README tells users to run it; `java -jar` is measured once
# at the largest N and in the single-host rounds, for context.
cc=("${cc_launcher[@]}")
# The connect timeout includes name resolution, and the JDK's hosts-file resolver costs ~2 ms of
# CPU per lookup at 1,000 names: at a load average of 24, the default 5 s turned 40 of 1,000 good
# hosts into UNKNOWN probe.dns. 30 s keeps the bench's resolver from failing hosts; it changes
# nothing for a host that answers.
connect_timeout=(--connect-timeout 30s)
# The fleet's CRL server is on loopback, which the default --fetch-policy (intranet) refuses.
fetch_allow=(--fetch-allow 127.0.0.0/8)
guard=900
problem_count=0

record() { python3 "$report_py" record "$records" "$@"; }
note_problems() {  # label text
  local line
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    problem_count=$((problem_count + 1))
    log "PROBLEM $1: $line"
  done <<< "$2"
}

# run_timed PREFIX CMD...: sets rc, wall_ms and (from GNU time) user_s, sys_s, rss_kb.
run_timed() {
  local prefix=$1 start t; shift
  start=$(now_ms); rc=0
  timeout --kill-after=5 "$guard" /usr/bin/time -o "$prefix.time" -f '%U %S %M' "$@" \
    > "$prefix.out" 2> "$prefix.err" || rc=$?
  wall_ms=$(( $(now_ms) - start ))
  t=$(tail -n 1 "$prefix.time" 2>/dev/null || true)
  if [[ "$t" =~ ^([0-9.]+)\ ([0-9.]+)\ ([0-9]+)$ ]]; then
    user_s=${BASH_REMATCH[1]} sys_s=${BASH_REMATCH[2]} rss_kb=${BASH_REMATCH[3]}
  else
    user_s="" sys_s="" rss_kb=""
  fi
}

# certcheck_run LABEL LIST "want_rc=.. want_pass=.." key=value... [-- certcheck options...]
certcheck_run() {
  local label=$1 list=$2 wants=$3 fields=() before found; shift 3
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do fields+=("$1"); shift; done
  [ $# -eq 0 ] || shift
  before=$(crl_gets)
  # shellcheck disable=SC2086 # BENCH_CERTCHECK_ARGS is a list of options
  run_timed "$tmp/run" "${cc[@]}" --ca "$tmp/root.pem" -o json "${connect_timeout[@]}" "${fetch_allow[@]}" \
    ${BENCH_CERTCHECK_ARGS:-} "$@" "$list"
  # shellcheck disable=SC2086 # wants is a list of key=value
  found=$(python3 "$report_py" check "$records" "$tmp/run.out" kind=certcheck label="$label" rc="$rc" $wants \
    "${fields[@]}" wall_ms="$wall_ms" user_s="$user_s" sys_s="$sys_s" rss_kb="$rss_kb" \
    crl_gets=$(( $(crl_gets) - before )))
  log "$label: $(secs "$wall_ms") s, exit $rc, CPU ${user_s:-?}+${sys_s:-?} s, peak RSS $(( ${rss_kb:-0} / 1024 )) MB"
  note_problems "$label" "$found"
  [ -z "$found" ] || sed -n '1,5s/^/  stderr: /p' "$tmp/run.err" >&2
}

xargs_run() {  # N RUN
  run_timed "$tmp/xargs" xargs -P "$XARGS_P" -L 1 timeout 10 openssl s_client -CAfile "$tmp/root.pem" \
    -verify_return_error < "$tmp/sclient-$1.txt"
  rm -f "$tmp/xargs.out"
  record kind=xargs n="$1" run="$2" wall_ms="$wall_ms" rc="$rc" user_s="$user_s" sys_s="$sys_s"
  log "N=$1 run $2 xargs -P $XARGS_P openssl s_client: $(secs "$wall_ms") s, exit $rc"
  [ "$rc" -eq 0 ] || note_problems "N=$1 run $2 baseline" "xargs exit $rc: an openssl s_client failed (the baseline is not comparable)"
}

s_time_run() {  # LABEL: S_TIME_P parallel s_time -new, spread over the addresses' default servers
  local k start st=() conns cpu
  start=$(now_ms)
  for ((k = 1; k <= S_TIME_P; k++)); do
    /usr/bin/time -o "$tmp/s_time.$k.time" -f '%U %S' openssl s_time -new -connect "127.1.0.$(( (k - 1) % addrs + 1 )):${fleet_ports[0]}" -time "$s_time_secs" \
      -CAfile "$tmp/root.pem" > "$tmp/s_time.$k.out" 2>&1 &
    st+=($!)
  done
  wait "${st[@]}" || true
  wall_ms=$(( $(now_ms) - start ))
  conns=$(cat "$tmp"/s_time.*.out | awk '/connections in .* real seconds/ { sum += $1 } END { print sum + 0 }')
  cpu=$(cat "$tmp"/s_time.*.time | awk '/^[0-9.]+ [0-9.]+$/ { sum += $1 + $2 } END { print sum + 0 }')
  record kind=s_time label="$1" wall_ms="$wall_ms" connections="$conns" instances="$S_TIME_P" cpu_s="$cpu"
  log "$1 raw capacity: $conns handshakes in $(secs "$wall_ms") s by $S_TIME_P s_time = $(( conns * 1000 / wall_ms ))/s"
  [ "$conns" -gt 0 ] || note_problems "$1 s_time" "no handshake completed: $(head -c 300 "$tmp/s_time.1.out")"
}

log "nginx $(nginx -v 2>&1 | sed 's|.*nginx/||'): $names names on $addrs addresses x ${#fleet_ports[@]} port(s) (${fleet_ports[*]}); CRL at $crl_url"
log "warming up (one certcheck run and one xargs pass over ${sizes[0]} hosts, not counted)"
certcheck_run "warm-up" "$tmp/at-${sizes[0]}.txt" "want_rc=0 want_pass=${sizes[0]}" scenario=warmup
xargs_run "${sizes[0]}" 0  # run 0: the report leaves it out

# Name resolution alone, through the same hosts file: context for the figures, see ResolveNames.
javac -d "$tmp/classes" "$here/ResolveNames.java"
for n in "${sizes[@]}"; do
  read -r got ms < <(java -cp "$tmp/classes" -Djdk.net.hosts.file="$tmp/hosts" ResolveNames < "$tmp/names-$n.txt")
  record kind=resolve n="$n" names="$got" wall_ms="$ms"
  log "N=$n: resolving its $got names through the hosts file alone took $(secs "$ms") s"
done

# 5a. throughput: certcheck on each engine, xargs and s_time interleaved, so drift in load hits all alike.
# certcheck gets what the baselines get: each name with the address to connect to (name@address:port,
# like s_client's -connect ADDR -servername NAME). Once per N, the same hosts as names resolved through
# the hosts file, for context: that resolver reads the whole file for every lookup (see README).
for n in "${sizes[@]}"; do
  record kind=load at="N=$n" load="$(load_avg)"
  for ((r = 1; r <= runs; r++)); do
    for engine in "${engines[@]}"; do
      certcheck_run "N=$n run $r certcheck ($engine)" "$tmp/at-$n.txt" \
        "want_rc=0 want_pass=$n want_certs=$(( n < names ? n : names ))" scenario=fleet n="$n" run="$r" \
        engine="$engine" -- --tls-engine "$engine"
    done
    if [ "$r" -eq 1 ]; then
      certcheck_run "N=$n certcheck (${engines[0]}), names through the hosts file" "$tmp/list-$n.txt" \
        "want_rc=0 want_pass=$n want_certs=$(( n < names ? n : names ))" scenario=fleet-resolved n="$n" run="$r" \
        engine="${engines[0]}" -- --tls-engine "${engines[0]}"
    fi
    if [ "$r" -eq 1 ] || [ "$n" -le 1000 ]; then xargs_run "$n" "$r"; fi
    s_time_run "N=$n run $r"
  done
done
if [ "$quick" = 0 ]; then  # context: the plain jar, JVM defaults (C2, a heap sized from the machine's RAM)
  big=${sizes[-1]}
  for n in "${sizes[@]}"; do [ "$n" -gt "$big" ] && big=$n; done
  cc=("${cc_jar[@]}")
  certcheck_run "N=$big java -jar (context)" "$tmp/at-$big.txt" \
    "want_rc=0 want_pass=$big" scenario=jar-context n="$big"
  cc=("${cc_launcher[@]}")
fi

# 5b. one host, end to end.
single_target="h1.fleet.test@127.1.0.1:${fleet_ports[0]}"
record kind=load at=single load="$(load_avg)"
"${cc_launcher[@]}" --ca "$tmp/root.pem" "${fetch_allow[@]}" "$single_target" > /dev/null 2>&1 || true  # the launcher's first run
for ((r = 1; r <= single_runs; r++)); do
  for how in jar launcher launcher-jdk version s_client; do
    case $how in
      jar) run_timed "$tmp/one" "${cc_jar[@]}" --ca "$tmp/root.pem" "${fetch_allow[@]}" "$single_target" ;;
      launcher) run_timed "$tmp/one" "${cc_launcher[@]}" --ca "$tmp/root.pem" "${fetch_allow[@]}" "$single_target" ;;
      launcher-jdk) run_timed "$tmp/one" "${cc_launcher[@]}" --tls-engine jdk --ca "$tmp/root.pem" "${fetch_allow[@]}" \
                      "$single_target" ;;
      version) run_timed "$tmp/one" "${cc_launcher[@]}" --version ;;
      s_client) run_timed "$tmp/one" openssl s_client -connect "127.1.0.1:${fleet_ports[0]}" -servername h1.fleet.test \
                  -verify_hostname h1.fleet.test -CAfile "$tmp/root.pem" -verify_return_error < /dev/null ;;
    esac
    record kind=single how="$how" run="$r" wall_ms="$wall_ms" user_s="$user_s" sys_s="$sys_s" rss_kb="$rss_kb" rc="$rc"
    bad=0
    [ "$rc" -eq 0 ] || bad=1
    case $how in jar | launcher*) grep -q ' PASS ' "$tmp/one.out" || bad=1 ;; esac
    if [ "$bad" -eq 1 ]; then
      note_problems "single host, $how, run $r" "exit $rc$(sed -n '1,3s/^/; /p' "$tmp/one.err" | tr -d '\n')"
    fi
  done
  log "single host run $r: jar/launcher/launcher-jdk/version/s_client done"
done

# 5c. silent hosts: (a) and (b) alternate.
record kind=load at=silent load="$(load_avg)"
for ((r = 1; r <= scenario_runs; r++)); do
  certcheck_run "silent (a) run $r, $silent_good good" "$tmp/list-$silent_good.txt" "want_rc=0 want_pass=$silent_good" \
    scenario=silent variant=a run="$r" -- --handshake-timeout "${T}s"
  certcheck_run "silent (b) run $r, $silent_good good + $silent_count silent" "$tmp/silent-all.txt" \
    "want_rc=3 want_pass=$silent_good want_unknown=$silent_count" scenario=silent variant=b run="$r" -- --handshake-timeout "${T}s"
done

# 5d. revocation, when certcheck has it.
revocation_note=""
# The help is read whole before grep looks at it: grep -q would close the pipe early, and with
# pipefail the launcher's broken pipe would read as "no --revocation option".
help_text=$("${cc_launcher[@]}" --help 2>/dev/null || true)
if grep -q -- '--revocation' <<<"$help_text"; then
  record kind=load at=revocation load="$(load_avg)"
  for ((r = 1; r <= scenario_runs; r++)); do
    certcheck_run "revocation off run $r" "$tmp/list-$revocation_n.txt" "want_rc=0 want_pass=$revocation_n" \
      scenario=revocation mode=off run="$r" -- --revocation off
    # shellcheck disable=SC2086 # revocation_on is a list of options
    certcheck_run "revocation on run $r" "$tmp/list-$revocation_n.txt" "want_rc=0 want_pass=$revocation_n" \
      scenario=revocation mode=on run="$r" -- $revocation_on
  done
else
  revocation_note="certcheck --help has no --revocation option yet (issue #3), so this scenario was skipped."
  log "$revocation_note"
fi

# --- 6. results ---------------------------------------------------------------------------------
[ -s "$tmp/nginx/error.log" ] && log "nginx error log: $(head -c 500 "$tmp/nginx/error.log")"
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$repo" diff --quiet -- src pom.xml 2>/dev/null || commit+=" plus uncommitted changes"
record kind=meta date="$(date -u '+%Y-%m-%d %H:%M UTC')" command="bench/fleet.sh${*:+ $*}" cores="$(nproc)" \
  load_start="$load_start" load_end="$(load_avg)" java="$(java -version 2>&1 | sed -n 1p)" \
  openssl="$(openssl version)" nginx="$(nginx -v 2>&1 | sed 's|.*nginx/||')" \
  certcheck="$(java -jar "$jar" --version 2>/dev/null | sed -n 1p)" commit="$commit" \
  sizes="$(IFS=,; echo "${sizes[*]}")" engines="${engines[*]}" runs="$runs" names="$names" addresses="$addrs" ports="${#fleet_ports[@]}" \
  s_time_instances="$S_TIME_P" s_time_secs="$s_time_secs" handshake_timeout_s="$T" \
  silent_good="$silent_good" silent_count="$silent_count" revocation_n="$revocation_n" \
  revocation_on="$revocation_on" revocation_note="$revocation_note" single_target="$single_target" \
  certcheck_cmd="CERTCHECK_JAVA_OPTS=-Djdk.net.hosts.file=HOSTS ./certcheck --ca root.pem -o json ${connect_timeout[*]} ${fetch_allow[*]}${BENCH_CERTCHECK_ARGS:+ $BENCH_CERTCHECK_ARGS} --tls-engine ENGINE LIST"
mkdir -p "$results_dir"
python3 "$report_py" report "$records" "$results_dir/fleet.md" "$results_dir/fleet.json"
cat "$results_dir/fleet.md"
log "written to ${results_dir#"$repo/"}/fleet.md and fleet.json"
[ "$problem_count" -eq 0 ]
