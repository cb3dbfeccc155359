# Builds a Windows .msi with jlink + jpackage. Run ON WINDOWS with a JDK 17+ and the WiX Toolset 3.x on PATH
# (jpackage needs candle.exe/light.exe). Build the fat jar on Windows too (JavaFX's win classifier), and add
# ai.djl.pytorch:pytorch-native-cpu with classifier win-x86_64 to pom.xml first: the pom ships the Linux libtorch.
# Not run by the authors (no Windows machine was available).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$Version = if ($env:VERSION) { $env:VERSION } else { "0.1.0" }
$Out = "target\packaging"
mvn -B -q package -DskipTests
if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
New-Item -ItemType Directory -Force "$Out\input" | Out-Null
Copy-Item target\userlm-workbench.jar "$Out\input\"
$Modules = (Get-Content packaging\common\modules.txt -Raw).Trim()
jlink --add-modules $Modules --strip-debug --no-man-pages --no-header-files --compress=2 --output "$Out\runtime"
# The launcher's JVM options, shared with bench-start --launcher-options (docs\decisions\i15-jit-start-up.md).
$LauncherOpts = Get-Content src\main\resources\org\userlm\workbench\app\launcher-jvm-options.txt |
  ForEach-Object { $_.Trim() } | Where-Object { $_ -and -not $_.StartsWith('#') } |
  ForEach-Object { '--java-options'; $_ }
jpackage --type msi --name "UserLM Workbench" --app-version $Version --input "$Out\input" `
  --main-jar userlm-workbench.jar --main-class org.userlm.workbench.app.Main --runtime-image "$Out\runtime" `
  --icon assets\icons\userlm-workbench.ico --win-menu --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid 6f1d3c52-9a51-4d7e-9a0b-5b7f3f3d2a11 `
  --java-options "-Dai.djl.offline=true" --java-options "-DOPT_OUT_TRACKING=true" @LauncherOpts `
  --file-associations packaging\common\tasks.properties --file-associations packaging\common\annotations.properties `
  --dest $Out
Get-ChildItem "$Out\*.msi"
