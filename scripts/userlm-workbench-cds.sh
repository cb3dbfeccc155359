#!/bin/sh
# Starts the workbench with an AppCDS archive for a faster cold start (see docs/performance.md).
# The first run (per jar build) records the classes it loads into the archive when the window is closed
# (-XX:ArchiveClassesAtExit); later runs map them from the archive (-XX:SharedArchiveFile).
JAR="${USERLM_JAR:-$(dirname "$0")/../target/userlm-workbench.jar}"
DIR="${XDG_CACHE_HOME:-$HOME/.cache}/userlm-workbench"
JSA="$DIR/cds-$(stat -c %s-%Y "$JAR").jsa"
mkdir -p "$DIR"
if [ -f "$JSA" ]; then
    exec java -XX:SharedArchiveFile="$JSA" -Xshare:auto -jar "$JAR" "$@"
fi
exec java -XX:ArchiveClassesAtExit="$JSA" -jar "$JAR" "$@"
