#!/bin/sh
# Jamf policy script: back up, uninstall and verify by policy; exits with migrate's code:
# 0 done, nothing to do or restart needed; 1 failed; 2 bad policy; 4 something remains or
# waits for a person (see the report). Runs as root, with the console program inside the
# app bundle (switchover-cli; Switchover is the windowed app).
# Jamf parameter 4: the policy file (default /Library/Application Support/Switchover/policy.toml).
# SWITCHOVER_APP: where the app is (default /Applications/Switchover.app).
# SWITCHOVER_ARGS: extra arguments for a rehearsal, e.g. "--demo macos-kaspersky".
APP="${SWITCHOVER_APP:-/Applications/Switchover.app}"
SWITCHOVER="$APP/Contents/MacOS/switchover-cli"
POLICY="${4:-/Library/Application Support/Switchover/policy.toml}"
if [ ! -x "$SWITCHOVER" ]; then
  echo "Switchover is not installed at $APP: install the pkg (or copy the app from the dmg) first."
  exit 1
fi
# shellcheck disable=SC2086  # SWITCHOVER_ARGS is split into words on purpose
"$SWITCHOVER" migrate --unattended --policy "$POLICY" ${SWITCHOVER_ARGS:-}
code=$?
if [ "$code" -eq 4 ]; then echo "Something remains, waits for a person, or protection is not as expected: see the report"; fi
exit "$code"
