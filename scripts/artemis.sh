#!/usr/bin/env bash
# Runs the Apache ActiveMQ Artemis broker that instances in distributed mode share
# (sib2ae.broker.url), as a studio runs it beside its NAS.
#
# usage: scripts/artemis.sh start  DIR [--port N] [--host H] [--user U] [--password P] [--memory 512M]
#                                       [--max-disk-usage 90]
#        scripts/artemis.sh stop   DIR
#        scripts/artemis.sh status DIR
#
# start  fetches the standalone distribution org.apache.activemq:apache-artemis:2.40.0:bin (tar.gz)
#        through Maven into ~/.m2 (once), unpacks it under $ARTEMIS_CACHE (once), creates a broker
#        instance in DIR when DIR has none (`artemis create`: persistent NIO journal in DIR/data, login
#        required, one CORE acceptor, no web console), starts it in the background and returns once
#        it accepts connections. Already running: says so, exits 0. Did not come up within
#        $ARTEMIS_START_TIMEOUT seconds: prints the tail of its log, stops it, exits 1.
# stop   stops it (SIGTERM, the broker's own clean shutdown; SIGKILL after $ARTEMIS_STOP_TIMEOUT s)
#        and returns once the process is gone. Already stopped: exits 0.
# status prints "running pid P on tcp://H:N" (exit 0) or "stopped" (exit 3).
#
# The options, or the environment, choose the instance when it is created; an existing instance
# keeps its etc/broker.xml (its port, its users), which DIR/sib2ae-broker.env records:
#   ARTEMIS_PORT=61616  ARTEMIS_HOST=127.0.0.1  ARTEMIS_BROKER_USER=sib2ae  ARTEMIS_BROKER_PASSWORD=sib2ae
#   ARTEMIS_MEMORY=512M (the broker's heap)  ARTEMIS_CACHE=~/.cache/sib2ae/artemis
#   ARTEMIS_MAX_DISK_USAGE=90 (percent of the journal's disk at which the broker blocks every producer,
#   Artemis's default; -1: no limit. The instances' readiness check reports the disk against it.)
#   ARTEMIS_START_TIMEOUT=60  ARTEMIS_STOP_TIMEOUT=30  MAVEN_REPO=~/.m2/repository
# The instances then run with -Dsib2ae.broker.url=tcp://H:N -Dsib2ae.broker.user=U -Dsib2ae.broker.password=P.
# ARTEMIS_HOST=0.0.0.0 opens the broker to the other machines: change the default password first.
set -euo pipefail

VERSION=2.40.0
ARTIFACT="org.apache.activemq:apache-artemis:$VERSION:tar.gz:bin"
REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
TARBALL="$REPO/org/apache/activemq/apache-artemis/$VERSION/apache-artemis-$VERSION-bin.tar.gz"
CACHE="${ARTEMIS_CACHE:-$HOME/.cache/sib2ae/artemis}"
HOME_DIR="$CACHE/apache-artemis-$VERSION"
START_TIMEOUT="${ARTEMIS_START_TIMEOUT:-60}"
STOP_TIMEOUT="${ARTEMIS_STOP_TIMEOUT:-30}"
# The distribution's scripts read these; ours must not leak in from the caller's environment.
unset ARTEMIS_INSTANCE ARTEMIS_HOME ARTEMIS_USER

usage() {
    echo "usage: $0 start|stop|status DIR [--port N] [--host H] [--user U] [--password P] [--memory 512M]" \
        "[--max-disk-usage 90]" >&2
    exit 2
}
(( $# >= 2 )) || usage
COMMAND=$1
DIR=$2
shift 2
PORT="${ARTEMIS_PORT:-61616}"
HOST="${ARTEMIS_HOST:-127.0.0.1}"
BROKER_USER="${ARTEMIS_BROKER_USER:-sib2ae}"
BROKER_PASSWORD="${ARTEMIS_BROKER_PASSWORD:-sib2ae}"
MEMORY="${ARTEMIS_MEMORY:-512M}"
MAX_DISK_USAGE="${ARTEMIS_MAX_DISK_USAGE:-90}"
while (( $# > 0 )); do
    (( $# >= 2 )) || usage
    case $1 in
        --port) PORT=$2 ;;
        --host) HOST=$2 ;;
        --user) BROKER_USER=$2 ;;
        --password) BROKER_PASSWORD=$2 ;;
        --memory) MEMORY=$2 ;;
        --max-disk-usage) MAX_DISK_USAGE=$2 ;;
        *) echo "unknown option $1" >&2; usage ;;
    esac
    shift 2
done
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "--port $PORT: not a port number" >&2; exit 2; }
if ! [[ "$MAX_DISK_USAGE" == -1 || ( "$MAX_DISK_USAGE" =~ ^[0-9]+$ && "$MAX_DISK_USAGE" -ge 1 && "$MAX_DISK_USAGE" -le 100 ) ]]; then
    echo "--max-disk-usage $MAX_DISK_USAGE: a percentage from 1 to 100, or -1 for no limit" >&2; exit 2
fi
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
PID_FILE="$DIR/data/artemis.pid"   # where the distribution's own bin/artemis-service keeps it too
ENV_FILE="$DIR/sib2ae-broker.env"

# The broker's JVM runs with -Dartemis.instance=DIR; the processes that start it (setsid, nohup,
# the bin/artemis shell script) name DIR/bin/artemis run. A zombie has an empty command line.
processes_of() { # $1 one whole argument to look for in the command lines; prints the matching pids
    local f p
    # -z: a command line's arguments are NUL-separated, so each is one "line" to match whole (-x).
    for f in $(grep -lzxF -- "$1" /proc/[0-9]*/cmdline 2>/dev/null); do
        p=${f#/proc/}; p=${p%/cmdline}
        [[ "$(cat "/proc/$p/comm" 2>/dev/null)" != grep ]] && echo "$p"   # not this very search
    done
    return 0
}
# The pid of the broker's JVM running from DIR, or nothing.
running_pid() { processes_of "-Dartemis.instance=$DIR" | head -1; }
# The broker, or what is starting it, is still there: $1 the pid this script started it as, which is
# still this script's subshell (not yet setsid) for a moment after the fork, and a zombie once it died.
starting_or_running() {
    local state; state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
    [[ -n "$state" && "$state" != Z ]] && return 0
    [[ -n "$(processes_of "-Dartemis.instance=$DIR")$(processes_of "$DIR/bin/artemis")" ]]
}
accepts() { # $1 host, $2 port: something accepts TCP connections there
    local host=$1
    [[ "$host" == 0.0.0.0 ]] && host=127.0.0.1
    (exec 3<>"/dev/tcp/$host/$2") 2>/dev/null
}
log_tail() {
    for f in "$DIR/log/artemis.log" "$DIR/log/console.log"; do
        [[ -s "$f" ]] && { echo "--- tail of $f" >&2; tail -n 25 "$f" >&2; }
    done
    return 0
}

distribution() {
    if [[ -x "$HOME_DIR/bin/artemis" ]]; then return 0; fi
    if [[ ! -f "$TARBALL" ]]; then
        echo "fetching $ARTIFACT through Maven ..." >&2
        mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get -Dartifact="$ARTIFACT" \
            -Dtransitive=false -Dmaven.repo.local="$REPO" >&2 \
            || { echo "could not fetch $ARTIFACT (is Maven Central reachable?)" >&2; exit 1; }
    fi
    echo "unpacking Artemis $VERSION into $CACHE ..." >&2
    mkdir -p "$CACHE"
    # Unpacked beside its final place, then renamed: an interrupted unpack is never taken for a whole one.
    local tmp; tmp="$(mktemp -d "$CACHE/.unpack.XXXXXX")"
    tar -xzf "$TARBALL" -C "$tmp"
    mv "$tmp/apache-artemis-$VERSION" "$HOME_DIR" 2>/dev/null || [[ -x "$HOME_DIR/bin/artemis" ]]
    rm -rf "$tmp"
}

create_instance() {
    [[ -x "$DIR/bin/artemis" ]] && return 0
    echo "creating a broker instance in $DIR (tcp://$HOST:$PORT, user $BROKER_USER) ..." >&2
    # --nio: the journal without libaio, which a container may lack; --no-autotune: skips a
    # seconds-long disk benchmark at create time; one CORE acceptor, the only protocol the JMS
    # client speaks; no web console, which would open a second port.
    "$HOME_DIR/bin/artemis" create "$DIR" --force --silent --nio --no-autotune \
        --user "$BROKER_USER" --password "$BROKER_PASSWORD" --require-login --role sib2ae \
        --host "$HOST" --default-port "$PORT" --java-memory "$MEMORY" --no-web \
        --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
        >"$DIR/create.log" 2>&1 || { echo "artemis create failed:" >&2; tail -n 20 "$DIR/create.log" >&2; exit 1; }
    # The disk share at which the broker blocks every producer (create writes Artemis's default, 90).
    sed -i "s|<max-disk-usage>90</max-disk-usage>|<max-disk-usage>$MAX_DISK_USAGE</max-disk-usage>|" "$DIR/etc/broker.xml"
    grep -q "<max-disk-usage>$MAX_DISK_USAGE</max-disk-usage>" "$DIR/etc/broker.xml" \
        || { echo "could not set max-disk-usage in $DIR/etc/broker.xml" >&2; exit 1; }
    # create fixes -Xms at 512M whatever --java-memory says; below it the JVM refuses to start.
    sed -i 's/ -Xms[0-9]*[MmGg] / /' "$DIR/etc/artemis.profile"
    printf 'ARTEMIS_HOST=%s\nARTEMIS_PORT=%s\nARTEMIS_BROKER_USER=%s\n' "$HOST" "$PORT" "$BROKER_USER" >"$ENV_FILE"
}

# An existing instance answers on the host and port it was created with.
instance_address() {
    if [[ -f "$ENV_FILE" ]]; then
        HOST="$(grep '^ARTEMIS_HOST=' "$ENV_FILE" | cut -d= -f2-)"
        PORT="$(grep '^ARTEMIS_PORT=' "$ENV_FILE" | cut -d= -f2-)"
    fi
}

start() {
    local pid; pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
        instance_address
        echo "already running: pid $pid on tcp://$HOST:$PORT"
        return 0
    fi
    distribution
    create_instance
    instance_address
    if accepts "$HOST" "$PORT"; then
        echo "port $PORT on $HOST is already taken by another process; choose another with --port or ARTEMIS_PORT" >&2
        exit 1
    fi
    mkdir -p "$DIR/data" "$DIR/log"
    # setsid and nohup: the broker outlives this script and the terminal or build that ran it; its
    # output goes to a file, so a caller reading this script's output sees it end.
    setsid nohup "$DIR/bin/artemis" run </dev/null >"$DIR/log/console.log" 2>&1 &
    local launched=$!
    local deadline=$(( SECONDS + START_TIMEOUT ))
    until accepts "$HOST" "$PORT"; do
        if ! starting_or_running "$launched"; then
            echo "the broker exited before accepting connections on tcp://$HOST:$PORT" >&2
            log_tail; rm -f "$PID_FILE"; exit 1
        fi
        if (( SECONDS >= deadline )); then
            echo "the broker did not accept connections on tcp://$HOST:$PORT within ${START_TIMEOUT}s" >&2
            log_tail; stop >/dev/null; exit 1
        fi
        sleep 0.2
    done
    pid="$(running_pid)"
    echo "$pid" >"$PID_FILE"
    echo "started: pid $pid on tcp://$HOST:$PORT (instance $DIR)"
}

stop() {
    local pid; pid="$(running_pid)"
    if [[ -z "$pid" ]]; then
        rm -f "$PID_FILE"
        echo "not running"
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$(( SECONDS + STOP_TIMEOUT ))
    while [[ -n "$(running_pid)" ]]; do
        if (( SECONDS >= deadline )); then
            echo "the broker did not stop within ${STOP_TIMEOUT}s; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
        sleep 0.2
    done
    rm -f "$PID_FILE"
    echo "stopped"
}

status() {
    local pid; pid="$(running_pid)"
    instance_address
    if [[ -n "$pid" ]]; then
        echo "running: pid $pid on tcp://$HOST:$PORT"
    else
        echo "stopped"
        exit 3
    fi
}

case $COMMAND in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) usage ;;
esac
