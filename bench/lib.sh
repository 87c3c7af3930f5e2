# Shell functions shared by the bench scripts; sourced, never run.
#
# The caller sets `bench_name` (used in log lines and temp dir names) and then sources this file,
# which sets `here` (bench/), `repo`, `jar` and `results_dir`. Everything a script starts goes into
# `pids` and is stopped on exit; everything it writes goes under `$tmp`, removed on exit.
# shellcheck shell=bash

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
jar="$repo/target/certcheck.jar"
results_dir="$here/results"

log() { printf '%s [%ss]: %s\n' "$bench_name" "$SECONDS" "$*" >&2; }

need_tools() {  # tool... ; exit 2 naming the first one missing
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { log "'$tool' is needed and not on PATH"; exit 2; }
  done
}

# Rebuilds the jar when missing or older than the sources, like ./certcheck does: timing a stale
# jar misleads.
ensure_jar() {
  if [ ! -f "$jar" ] || [ -n "$(find "$repo/src/main" "$repo/pom.xml" -newer "$jar" 2>/dev/null | sed -n 1p)" ]; then
    log "building $jar"
    (cd "$repo" && { mvn -q -B -o -DskipTests package || mvn -q -B -DskipTests package; }) >&2
  fi
}

# Creates $tmp and arranges for every pid in `pids` to be stopped, and $tmp removed, on exit.
make_tmp() {
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/certcheck-$bench_name.XXXXXX")
  pids=()
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}

# --- numbers ------------------------------------------------------------------------------------
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
ratio() { awk -v n="$1" -v d="$2" 'BEGIN { printf "%.2f", n / d }'; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }

# --- ports --------------------------------------------------------------------------------------
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_for_port() {  # port seconds [address]
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    if (exec 3<>"/dev/tcp/${3:-127.0.0.1}/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# --- PKI ----------------------------------------------------------------------------------------
# mint_root DIR: DIR/root.key and DIR/root.pem, a throwaway EC P-256 root CA valid for 90 days.
mint_root() {
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days 90 \
    -subj "/CN=certcheck bench root" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$1/root.key" -out "$1/root.pem" 2>/dev/null
}

# leaf_cmd DIR: sets the array `leaf` to the fixed part of one `openssl req` call that mints a
# server leaf signed by DIR/root.*, with its own EC P-256 key, valid for 90 days (well past
# --warn-days 30, so a good host is a plain PASS). The caller appends -subj, -set_serial,
# -addext subjectAltName=..., -keyout and -out (and, if it likes, more -addext).
leaf_cmd() {
  leaf=(openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days 90
    -CA "$1/root.pem" -CAkey "$1/root.key"
    -addext "basicConstraints=critical,CA:FALSE" -addext "keyUsage=critical,digitalSignature"
    -addext "extendedKeyUsage=serverAuth")
}

# --- servers ------------------------------------------------------------------------------------
# nginx_head DIR: the global part of a throwaway nginx configuration (own prefix, pid, logs and
# temp paths; nothing from /etc/nginx is read). The caller appends server blocks and the closing }.
# TLS 1.2 and 1.3, as a current server offers: nginx 1.22's default list stops at TLS 1.2.
nginx_head() {
  cat <<EOF
daemon off;
worker_processes auto;
worker_rlimit_nofile 16384;
pid $1/nginx.pid;
error_log $1/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  ssl_protocols TLSv1.2 TLSv1.3;
  client_body_temp_path $1/body;
  proxy_temp_path $1/proxy;
  fastcgi_temp_path $1/fastcgi;
  uwsgi_temp_path $1/uwsgi;
  scgi_temp_path $1/scgi;
EOF
}

# start_silent COUNT: COUNT listeners on 127.0.0.1 that accept TCP and never send a byte; a
# connection is closed only after the client closes it. Sets the array silent_ports.
start_silent() {
  cat > "$tmp/silent.py" <<'EOF'
import os, selectors, socket, sys

count, port_file = int(sys.argv[1]), sys.argv[2]
sel = selectors.DefaultSelector()
ports = []
for _ in range(count):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    listener.setblocking(False)
    sel.register(listener, selectors.EVENT_READ, "listener")
    ports.append(listener.getsockname()[1])
with open(port_file + ".part", "w") as f:
    f.write("\n".join(map(str, ports)) + "\n")
os.rename(port_file + ".part", port_file)
while True:
    for key, _ in sel.select():
        if key.data == "listener":
            conn, _ = key.fileobj.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, "held")
        else:
            try:
                data = key.fileobj.recv(65536)  # the ClientHello, read and ignored
            except OSError:
                data = b""
            if not data:
                sel.unregister(key.fileobj)
                key.fileobj.close()
EOF
  local i
  python3 "$tmp/silent.py" "$1" "$tmp/silent-ports" &
  pids+=($!)
  for ((i = 0; i < 100; i++)); do [ -f "$tmp/silent-ports" ] && break; sleep 0.1; done
  [ -f "$tmp/silent-ports" ] || { log "the silent listeners did not start"; exit 2; }
  mapfile -t silent_ports < "$tmp/silent-ports"
}
