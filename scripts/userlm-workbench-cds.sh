#!/bin/sh
# Starts the workbench jar with an AppCDS archive for a faster cold start (see docs/performance.md, "Cold start").
# The first run (per jar build) records the classes it loads into an archive when the window is closed
# (-XX:ArchiveClassesAtExit); later runs map them from it (-XX:SharedArchiveFile). The archive is recorded under a
# temporary name and renamed when the JVM has exited, so a run killed while writing, or two first runs at once,
# never leave a half-written archive in place; a stale or foreign archive is ignored by -Xshare:auto.
# The installed app (packaging/linux) needs no script: its archive is made at packaging/installation time.
JAR="${USERLM_JAR:-$(dirname "$0")/../target/userlm-workbench.jar}"
DIR="${XDG_CACHE_HOME:-$HOME/.cache}/userlm-workbench"
JSA="$DIR/cds-$(stat -c %s-%Y "$JAR").jsa"
mkdir -p "$DIR"
# The installed launcher's JVM options (C2 later: docs/decisions/i15-jit-start-up.md), from the source tree beside
# this script; without it the JDK's defaults apply.
OPTS="$(dirname "$0")/../src/main/resources/org/userlm/workbench/app/launcher-jvm-options.txt"
JVM=$(grep -v '^[[:space:]]*#' "$OPTS" 2>/dev/null) # one option per line, none with a space: split unquoted below
if [ -f "$JSA" ]; then
    exec java $JVM -XX:SharedArchiveFile="$JSA" -Xshare:auto -jar "$JAR" "$@"
fi
TMP="$JSA.$$.tmp"
java $JVM -XX:ArchiveClassesAtExit="$TMP" -jar "$JAR" "$@"
rc=$?
if [ -s "$TMP" ]; then
    mv -f "$TMP" "$JSA"
else
    rm -f "$TMP"
fi
exit $rc
