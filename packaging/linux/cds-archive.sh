#!/usr/bin/env bash
# Makes the class-data sharing (AppCDS) archive of a jpackage'd UserLM Workbench image (JDK 17).
#   packaging/linux/cds-archive.sh JAVA IMAGE_DIR [--list-only|--dump-only]
# 1. list: starts the window once (with -Duserlm.startProbe=true it closes itself when the restored window is
#    complete) under $DISPLAY or xvfb-run, with -XX:DumpLoadedClassList, into lib/app/userlm-workbench.classlist;
# 2. dump: -Xshare:dump of those classes for the jar where it lies now, into lib/app/userlm-workbench.jsa, which
#    the launcher's -XX:SharedArchiveFile=$APPDIR/userlm-workbench.jsa maps at start. The dump needs no display
#    (classes are loaded, not initialised): the .deb's postinst runs it again for the installed place.
set -euo pipefail
JAVA=$1; IMG=$2; MODE=${3:-}
APP=$IMG/lib/app
# The image's own runtime when it has a java command: the archive must match the runtime that maps it.
[ -x "$IMG/lib/runtime/bin/java" ] && JAVA=$IMG/lib/runtime/bin/java
if [ "$MODE" != --dump-only ]; then
  TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
  RUN=("$JAVA" -XX:DumpLoadedClassList="$TMP/classes.lst" -Duserlm.startProbe=true -Dprism.order=sw
       -Duserlm.config.dir="$TMP/config" -cp "$APP/userlm-workbench.jar" org.userlm.workbench.app.Main --db "$TMP/t.db")
  if [ -n "${DISPLAY:-}" ]; then
    timeout 180 "${RUN[@]}" >/dev/null 2>&1
  elif command -v xvfb-run >/dev/null 2>&1; then
    timeout 180 xvfb-run -a "${RUN[@]}" >/dev/null 2>&1
  else
    echo "cds-archive: no display and no xvfb-run: cannot list the start-up classes" >&2; exit 1
  fi
  [ -s "$TMP/classes.lst" ] || { echo "cds-archive: the training run listed no classes" >&2; exit 1; }
  cp "$TMP/classes.lst" "$APP/userlm-workbench.classlist"
fi
[ "$MODE" = --list-only ] && exit 0
"$JAVA" -Xshare:dump -XX:SharedClassListFile="$APP/userlm-workbench.classlist" \
  -XX:SharedArchiveFile="$APP/userlm-workbench.jsa" -cp "$APP/userlm-workbench.jar" >/dev/null 2>&1
echo "CDS archive: $APP/userlm-workbench.jsa ($(du -h "$APP/userlm-workbench.jsa" | cut -f1))"
