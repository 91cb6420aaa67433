#!/usr/bin/env bash
# Hawtio, the web console for Camel and JMX, on this machine, preconfigured to watch the orchestrator
# through its Jolokia endpoint.
#
#   scripts/hawtio.sh                      # Hawtio on http://127.0.0.1:8090/hawtio/
#   HAWTIO_PORT=8091 scripts/hawtio.sh     # another port
#   JOLOKIA_URL=http://127.0.0.1:9877/observe/jolokia scripts/hawtio.sh
#
# The first run fetches the launcher io.hawt:hawtio-embedded:3.0.0 (Jetty 10, with Hawtio 3.0.0's
# web application inside) and its dependencies from Maven Central into target/hawtio/; later runs
# use that copy. Stop Hawtio with Ctrl-C.
#
# Hawtio listens on HAWTIO_HOST (127.0.0.1 by default) with its own login switched off: anyone who
# can reach that address can use it, and through it the orchestrator's Jolokia. Keep it on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."

HAWTIO_HOST=${HAWTIO_HOST:-127.0.0.1}
HAWTIO_PORT=${HAWTIO_PORT:-8090}
JOLOKIA_URL=${JOLOKIA_URL:-http://127.0.0.1:9876/observe/jolokia}
CONNECTION=${HAWTIO_CONNECTION:-sib2ae}

dir=target/hawtio
lib=$dir/lib
webapp=$dir/webapp

# --- Fetch: the launcher and its Jetty, with Maven, once ---
if ! ls "$lib"/hawtio-embedded-*.jar >/dev/null 2>&1; then
    echo "Fetching Hawtio from Maven Central into $lib ..."
    mvn -q -B -f scripts/hawtio/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$lib"
fi

# --- Web application: Hawtio's war from inside the launcher, unpacked, plus our connect page ---
if [ ! -f "$webapp/index.html" ]; then
    launcher=$(ls "$PWD/$lib"/hawtio-embedded-*.jar | head -n 1)
    rm -rf "$webapp" && mkdir -p "$webapp"
    (cd "$webapp" && jar xf "$launcher" hawtio.war && jar xf hawtio.war && rm hawtio.war)
fi

# The Jolokia URL, split the way Hawtio stores a connection: scheme, host, port, path.
if [[ ! $JOLOKIA_URL =~ ^(https?)://([^/:]+)(:([0-9]+))?(/.*)$ ]]; then
    echo "JOLOKIA_URL must look like http://HOST:PORT/PATH, not $JOLOKIA_URL" >&2
    exit 2
fi
scheme=${BASH_REMATCH[1]}
jhost=${BASH_REMATCH[2]}
jport=${BASH_REMATCH[4]:-$([ "$scheme" = https ] && echo 443 || echo 80)}
jpath=${BASH_REMATCH[5]}
sed -e "s|@NAME@|$CONNECTION|g" -e "s|@SCHEME@|$scheme|g" -e "s|@HOST@|$jhost|g" \
    -e "s|@PORT@|$jport|g" -e "s|@PATH@|$jpath|g" \
    scripts/hawtio/sib2ae.html > "$webapp/sib2ae.html"

# Posted: the access policy (jolokia-access.xml) lets Jolokia take POST requests only.
if curl -sf -m 5 -o /dev/null -d '{"type":"version"}' "$JOLOKIA_URL" 2>/dev/null; then
    echo "Orchestrator Jolokia answers at $JOLOKIA_URL"
else
    echo "Note: nothing answers at $JOLOKIA_URL yet; start the orchestrator, then reload Hawtio." >&2
fi
echo "Open http://$HAWTIO_HOST:$HAWTIO_PORT/hawtio/sib2ae.html (adds the connection '$CONNECTION' and opens it)"

# Hawtio may proxy to the Jolokia host only (proxy allowlist); Hawtio's own login is off.
# --open-url=false: no attempt to open a desktop browser.
exec java \
    -Dhawtio.authenticationEnabled=false \
    -Dhawtio.disableProxy=false \
    -Dhawtio.localAddressProbing=false \
    "-Dhawtio.proxyAllowlist=localhost,127.0.0.1,$jhost" \
    ${HAWTIO_JAVA_OPTS:-} \
    -cp "$lib/*" scripts/hawtio/HawtioLauncher.java \
    --host "$HAWTIO_HOST" --port "$HAWTIO_PORT" --war "$webapp" --open-url=false
