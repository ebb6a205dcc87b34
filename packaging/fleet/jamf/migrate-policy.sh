#!/bin/sh
# Jamf policy script: back up, uninstall and verify by policy; exits with migrate's code
# (0 done / nothing to do / restart needed, 1 failed, 2 bad policy, 4 something remains).
SWITCHOVER="${SWITCHOVER:-/Applications/Switchover.app/Contents/MacOS/switchover}"
POLICY="/Library/Application Support/Switchover/policy.toml"
"$SWITCHOVER" migrate --unattended --policy "$POLICY"
code=$?
if [ "$code" -eq 4 ]; then echo "Something remains or protection is not as expected: see the report"; fi
exit "$code"
