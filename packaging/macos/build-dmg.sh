#!/usr/bin/env bash
# Builds a macOS .dmg with jlink + jpackage. Run ON A MAC (jpackage builds only for its own OS) with a JDK 17+.
# The fat jar must be built on the Mac too: Maven then picks JavaFX's mac classifier. Note: DJL's CPU libtorch jar
# in pom.xml is linux-x86_64 only; on a Mac add pytorch-native-cpu with classifier osx-aarch64 (or osx-x86_64)
# before building, or local models will not start. Not run by the authors (no Mac was available).
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=${VERSION:-0.1.0}
OUT=target/packaging
mvn -B -q package -DskipTests
rm -rf "$OUT"; mkdir -p "$OUT/input"; cp target/userlm-workbench.jar "$OUT/input/"
# .icns from the PNG set (macOS tools)
ICONSET=$OUT/userlm-workbench.iconset; mkdir -p "$ICONSET"
for s in 16 32 128 256 512; do sips -z $s $s assets/icons/userlm-workbench-512.png --out "$ICONSET/icon_${s}x${s}.png"; done
iconutil -c icns "$ICONSET" -o "$OUT/userlm-workbench.icns"
jlink --add-modules "$(cat packaging/common/modules.txt)" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$OUT/runtime"
# The launcher's JVM options, shared with bench-start --launcher-options (docs/decisions/i15-jit-start-up.md).
LAUNCHER_OPTS=()
while read -r opt; do
  case $opt in ''|'#'*) ;; *) LAUNCHER_OPTS+=(--java-options "$opt");; esac
done < src/main/resources/org/userlm/workbench/app/launcher-jvm-options.txt
jpackage --type dmg --name "UserLM Workbench" --app-version "$VERSION" --input "$OUT/input" \
  --main-jar userlm-workbench.jar --main-class org.userlm.workbench.app.Main --runtime-image "$OUT/runtime" \
  --icon "$OUT/userlm-workbench.icns" --mac-package-identifier org.userlm.workbench \
  --java-options "-Dai.djl.offline=true" --java-options "-DOPT_OUT_TRACKING=true" "${LAUNCHER_OPTS[@]}" \
  --file-associations packaging/common/tasks.properties --file-associations packaging/common/annotations.properties \
  --dest "$OUT"
ls -la "$OUT"/*.dmg
