#!/usr/bin/env bash
# Builds a Linux app image and a .deb with jlink + jpackage (JDK 17+). Not part of `mvn verify`.
#   packaging/linux/build.sh [--skip-jar] [--app-image-only]
# Output: target/packaging/app-image/userlm-workbench/ and target/packaging/userlm-workbench_<ver>_amd64.deb
# Needs: a JDK with jlink/jpackage; for the .deb: dpkg-deb, fakeroot, binutils (objcopy for --strip-debug).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
VERSION=${VERSION:-0.1.0}
OUT=$ROOT/target/packaging
SKIP_JAR=0; APP_ONLY=0
for a in "$@"; do
  case $a in --skip-jar) SKIP_JAR=1;; --app-image-only) APP_ONLY=1;; *) echo "unknown option $a" >&2; exit 2;; esac
done
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
JLINK=$JAVA_HOME/bin/jlink; JPACKAGE=$JAVA_HOME/bin/jpackage
[ -x "$JPACKAGE" ] || { echo "jpackage not found under $JAVA_HOME" >&2; exit 3; }

if [ $SKIP_JAR = 0 ] || [ ! -f target/userlm-workbench.jar ]; then
  mvn -B -q package -DskipTests
fi
rm -rf "$OUT"; mkdir -p "$OUT/input"
cp target/userlm-workbench.jar "$OUT/input/"

# 1. A trimmed Java runtime (the modules the app and its libraries use; see packaging/README.md).
# --generate-cds-archive: the runtime's own class-data sharing archive of the JDK classes (a jlinked runtime has
# none otherwise, and starts slower than the JDK it came from).
"$JLINK" --add-modules "$(cat packaging/common/modules.txt)" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive --output "$OUT/runtime"

JAVA_OPTS=(--java-options "-Dai.djl.offline=true" --java-options "-DOPT_OUT_TRACKING=true"
           --java-options "-Dprism.order=sw" --java-options "-XX:MaxRAMPercentage=75"
           # Class-data sharing for the app's classes (docs/performance.md, "Cold start"): the archive is made for
           # the image's own place (step 2b) and again by the .deb's postinst under /opt; when it is missing or was
           # made for another place, -Xshare:auto starts without it.
           --java-options "-XX:SharedArchiveFile=\$APPDIR/userlm-workbench.jsa" --java-options "-Xshare:auto")
# The launcher's JVM options that bench-start --launcher-options times too (C2 later; why: the file's comments and
# docs/decisions/i15-jit-start-up.md).
while read -r opt; do
  case $opt in ''|'#'*) ;; *) JAVA_OPTS+=(--java-options "$opt");; esac
done < src/main/resources/org/userlm/workbench/app/launcher-jvm-options.txt
COMMON=(--name userlm-workbench --app-version "$VERSION" --vendor "UserLM Workbench"
        --description "Workbench for studying user simulators (UserLM-8b) against assistant LLMs"
        --copyright "UserLM Workbench authors")

# 2. The app image: bin/userlm-workbench starts the GUI; with arguments it runs the CLI.
"$JPACKAGE" --type app-image "${COMMON[@]}" --input "$OUT/input" --main-jar userlm-workbench.jar \
  --main-class org.userlm.workbench.app.Main --runtime-image "$OUT/runtime" \
  --icon assets/icons/userlm-workbench.png "${JAVA_OPTS[@]}" --dest "$OUT/app-image"
echo "app image: $OUT/app-image/userlm-workbench ($(du -sh "$OUT/app-image/userlm-workbench" | cut -f1))"

# 2b. Class-data sharing: a training run of the window (on a display, or under xvfb-run) lists the classes a start
# loads; a static archive of them is made for this image (and by the .deb's postinst for /opt). JDK 17 archives are
# tied to the jar's absolute path, so the list travels in the package, not the archive.
packaging/linux/cds-archive.sh "$OUT/runtime/bin/java" "$OUT/app-image/userlm-workbench" \
  || echo "warning: no class-data sharing archive for the app image (start-up is slower, nothing else changes)" >&2
[ $APP_ONLY = 1 ] && exit 0

# 3. The .deb from that image: menu entry, icon, file associations; GTK 3 is a dependency (JavaFX glass).
"$JPACKAGE" --type deb "${COMMON[@]}" --app-image "$OUT/app-image/userlm-workbench" \
  --icon assets/icons/userlm-workbench.png --linux-package-name userlm-workbench \
  --resource-dir packaging/linux/resources \
  --linux-deb-maintainer "userlm-workbench@example.invalid" --linux-menu-group "Science;Education" \
  --linux-app-category science --linux-shortcut --linux-package-deps libgtk-3-0 \
  --file-associations packaging/common/tasks.properties \
  --file-associations packaging/common/annotations.properties \
  --dest "$OUT"
ls -la "$OUT"/*.deb
