#!/bin/sh
# Jamf extension attribute: <result>Kaspersky</result>, <result>None</result> or an error.
# Runs as root. It calls the console program inside the app bundle, switchover-cli: the
# bundle's other program, Switchover, is the windowed app (and on a case-insensitive disk
# ".../MacOS/switchover" would start it). `detect --exit-code` exits 10 when Kaspersky is
# found, 0 when not.
# SWITCHOVER_APP: where the app is (default /Applications/Switchover.app).
# SWITCHOVER_ARGS: extra arguments for a rehearsal, e.g. "--demo macos-kaspersky".
APP="${SWITCHOVER_APP:-/Applications/Switchover.app}"
SWITCHOVER="$APP/Contents/MacOS/switchover-cli"
if [ ! -x "$SWITCHOVER" ]; then echo "<result>Error: Switchover not installed</result>"; exit 0; fi
# shellcheck disable=SC2086  # SWITCHOVER_ARGS is split into words on purpose
"$SWITCHOVER" detect --exit-code ${SWITCHOVER_ARGS:-} >/dev/null 2>&1
code=$?
case "$code" in
  0)  echo "<result>None</result>" ;;
  10) echo "<result>Kaspersky</result>" ;;
  *)  echo "<result>Error: exit code $code</result>" ;;
esac
exit 0
