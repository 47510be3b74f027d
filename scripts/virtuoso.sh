#!/bin/sh
# Virtuoso open source as cityrel's scale-out store: install, configure, start, stop.
#
#   scripts/virtuoso.sh install   apt-get install virtuoso-opensource (as root), and keep the
#                                 packaged system service stopped: it listens on every interface
#   scripts/virtuoso.sh start     configure (first time) and start a server of cityrel's own, then
#                                 print the CITYREL_SPARQL_* settings that point cityrel at it
#   scripts/virtuoso.sh env       print those settings again
#   scripts/virtuoso.sh status    say whether it runs
#   scripts/virtuoso.sh stop      stop it (a clean shutdown: checkpoint, then exit)
#
# The server is cityrel's own, beside any system Virtuoso: its database, virtuoso.ini, log
# and settings are in $VIRTUOSO_DIR (default var/virtuoso), it listens on 127.0.0.1 only,
# HTTP on $VIRTUOSO_HTTP_PORT (default 8890), ISQL on $VIRTUOSO_ISQL_PORT (default 1111).
# The first start generates two passwords, kept in $VIRTUOSO_DIR/secrets (mode 600): dba's,
# and that of the user `cityrel`, which may run SPARQL updates (SPARQL_UPDATE) through the
# Digest-authenticated /sparql-auth. cityrel reads through the anonymous endpoints /sparql and
# /sparql-graph-crud, which stay read-only: Virtuoso runs an update sent as a query on any
# endpoint whose user may update, so reads never go where writes may.
#
#   set -a; . var/virtuoso/cityrel.env; set +a    # then cityrel ingest, serve, ... use Virtuoso
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${VIRTUOSO_DIR:-$ROOT/var/virtuoso}
ini_port() { sed -n "/^\[$1\]/,/^\[/s/^ServerPort *= *127\.0\.0\.1://p" "$DIR/virtuoso.ini" 2>/dev/null || true; }
HTTP_PORT=${VIRTUOSO_HTTP_PORT:-$(ini_port HTTPServer)}  # a configured server keeps its ports
ISQL_PORT=${VIRTUOSO_ISQL_PORT:-$(ini_port Parameters)}
HTTP_PORT=${HTTP_PORT:-8890}
ISQL_PORT=${ISQL_PORT:-1111}
SERVER=${VIRTUOSO_BIN:-virtuoso-t}
ISQL=${VIRTUOSO_ISQL:-isql-vt}

say() { printf '%s\n' "$*" >&2; }
die() { say "virtuoso.sh: $*"; exit 1; }

installed() { command -v "$SERVER" >/dev/null 2>&1 && command -v "$ISQL" >/dev/null 2>&1; }

install() {
    if installed; then say "Virtuoso is installed: $(command -v "$SERVER")"; return; fi
    [ "$(id -u)" = 0 ] || die "installing needs root: sudo $0 install"
    apt-cache policy virtuoso-opensource | grep -q 'Candidate: [0-9]' \
        || die "no virtuoso-opensource package in the configured apt sources (run apt-get update?)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q virtuoso-opensource >&2
    # The package starts (or would start) a system-wide server on all interfaces with a default
    # dba password; cityrel runs its own, so that one is stopped and kept from starting at boot.
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
        systemctl disable --now virtuoso-opensource-7 >/dev/null 2>&1 || true
    elif [ -x /etc/init.d/virtuoso-opensource-7 ]; then
        /etc/init.d/virtuoso-opensource-7 stop >/dev/null 2>&1 || true
        update-rc.d virtuoso-opensource-7 disable >/dev/null 2>&1 || true
    fi
    say "Installed $("$SERVER" -? 2>&1 | sed -n 2p)"
}

pid() { sed -n 's/^VIRT_PID=//p' "$DIR/virtuoso.lck" 2>/dev/null; }

running() {
    p=$(pid)
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null && grep -q "$DIR/virtuoso.ini" "/proc/$p/cmdline" 2>/dev/null
}

secret() { sed -n "s/^$1=//p" "$DIR/secrets"; }

generate() { printf 'k'; tr -dc 'A-Za-z0-9' </dev/urandom | head -c 23; }  # SQL reads 4abc as 4, abc

isql() {  # isql PASSWORD SQL...: run statements as dba, stop at the first error
    password=$1; shift
    printf '%s\n' "$@" | "$ISQL" "127.0.0.1:$ISQL_PORT" dba "$password" VERBOSE=OFF ERRORS=STDOUT \
        BANNER=OFF PROMPT=OFF ECHO=OFF >"$DIR/isql.out" 2>&1
    ! grep -q -i -E '^\*\*\* Error|Error [0-9A-Z]+:' "$DIR/isql.out"
}

write_ini() {
    cat >"$DIR/virtuoso.ini" <<EOF
; Written by scripts/virtuoso.sh for cityrel: loopback only, everything in this directory.
[Database]
DatabaseFile       = $DIR/virtuoso.db
ErrorLogFile       = $DIR/virtuoso.log
LockFile           = $DIR/virtuoso.lck
TransactionFile    = $DIR/virtuoso.trx
xa_persistent_file = $DIR/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $DIR/virtuoso-temp.db
TransactionFile    = $DIR/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:$ISQL_PORT
DisableUnixSocket  = 1
DisableTcpSocket   = 0
MaxClientConnections = 20
CheckpointInterval = 60
NumberOfBuffers    = 20000
MaxDirtyBuffers    = 15000
DirsAllowed        = $DIR
CaseMode           = 2

[HTTPServer]
ServerPort         = 127.0.0.1:$HTTP_PORT
ServerRoot         = $DIR/www
ServerThreads      = 20
MaxClientConnections = 20
MaxKeepAlives      = 20
KeepAliveTimeout   = 10
Charset            = UTF-8
EnabledDavVSP      = 0

[SPARQL]
; Virtuoso cuts every SELECT, CONSTRUCT and Graph Store GET at this many rows (10000 by
; default; only SELECT says so, in X-SPARQL-MaxRows). cityrel checks graph reads against a
; count and refuses cut answers; this keeps whole graphs and exports readable.
ResultSetMaxRows           = 10000000
; cityrel sends its own deadline with each query (timeout=, milliseconds), which makes
; Virtuoso stop the work; these are backstops for other clients.
MaxQueryExecutionTime      = 300
MaxQueryCostEstimationTime = 0
EOF
}

configure() {  # first start only: passwords, the cityrel user and its rights
    dba=$(generate); user=$(generate)
    (umask 077 && printf 'dba=%s\ncityrel=%s\n' "$dba" "$user" >"$DIR/secrets.new")
    isql dba "SET PASSWORD \"dba\" \"$dba\";" \
        || die "could not set dba's password; see $DIR/isql.out"
    isql "$dba" \
        "DB.DBA.USER_CREATE('cityrel', '$user');" \
        "GRANT SPARQL_UPDATE TO \"cityrel\";" \
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET('cityrel', 3);" \
        "checkpoint;" \
        || die "could not create the user cityrel; see $DIR/isql.out (passwords in $DIR/secrets.new)"
    mv "$DIR/secrets.new" "$DIR/secrets"
}

settings() {
    url="http://127.0.0.1:$HTTP_PORT"
    cat <<EOF
CITYREL_SPARQL_QUERY_URL=$url/sparql
CITYREL_SPARQL_UPDATE_URL=$url/sparql-auth
CITYREL_SPARQL_STORE_URL=$url/sparql-graph-crud
CITYREL_SPARQL_USER=cityrel
CITYREL_SPARQL_PASSWORD=$(secret cityrel)
CITYREL_SPARQL_TIMEOUT_PARAMETER='timeout={ms}'
CITYREL_SPARQL_KEEP_ALIVE=false
EOF
}

start() {
    installed || die "Virtuoso is not installed ($SERVER, $ISQL): run $0 install (as root)"
    mkdir -p "$DIR/www"
    if running; then
        HTTP_PORT=$(ini_port HTTPServer)  # the port it runs on, whatever this call was given
        say "Virtuoso already runs (pid $(pid)) on 127.0.0.1:$HTTP_PORT"
    else
        [ -f "$DIR/virtuoso.db" ] || write_ini
        grep -q "127.0.0.1:$HTTP_PORT" "$DIR/virtuoso.ini" \
            || die "$DIR was set up for another port; use VIRTUOSO_HTTP_PORT and VIRTUOSO_ISQL_PORT as then"
        # +wait: return once the server accepts connections (it forks into the background).
        (cd "$DIR" && "$SERVER" +configfile "$DIR/virtuoso.ini" +wait) >"$DIR/start.out" 2>&1 \
            || die "Virtuoso did not start; see $DIR/start.out and $DIR/virtuoso.log"
        [ -f "$DIR/secrets" ] || configure
        say "Virtuoso runs (pid $(pid)) on 127.0.0.1:$HTTP_PORT, data in $DIR"
    fi
    umask 077
    settings >"$DIR/cityrel.env"
    settings
}

stop() {
    running || { say "Virtuoso is not running in $DIR"; return 0; }
    p=$(pid)
    isql "$(secret dba)" "shutdown;" || kill "$p" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || { say "Virtuoso stopped"; return 0; }; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
    say "Virtuoso did not stop within 10 s and was killed (pid $p)"
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    env) [ -f "$DIR/secrets" ] || die "not configured yet: $0 start"; settings ;;
    status) if running; then say "Virtuoso runs (pid $(pid)) on 127.0.0.1:$HTTP_PORT"; else say "Virtuoso is not running"; exit 3; fi ;;
    *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
