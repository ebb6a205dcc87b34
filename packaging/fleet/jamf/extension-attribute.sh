#!/bin/sh
# Jamf extension attribute: Kaspersky / None / Error. detect --exit-code exits 10 when found.
SWITCHOVER="${SWITCHOVER:-/Applications/Switchover.app/Contents/MacOS/switchover}"
if [ ! -x "$SWITCHOVER" ]; then echo "<result>Error: Switchover not installed</result>"; exit 0; fi
"$SWITCHOVER" detect --exit-code >/dev/null 2>&1
code=$?
case "$code" in
  0)  echo "<result>None</result>" ;;
  10) echo "<result>Kaspersky</result>" ;;
  *)  echo "<result>Error: exit code $code</result>" ;;
esac
exit 0
