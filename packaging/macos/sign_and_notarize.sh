#!/bin/sh
# Sign and notarize: `sign_and_notarize.sh APP` signs the .app (hardened runtime), notarizes
# and staples it; `sign_and_notarize.sh APP DMG` does the same for the disk image made from
# the signed app. build.py calls it before and after dmgbuild. Runs only with credentials:
#   MACOS_SIGN_IDENTITY  "Developer ID Application: … (TEAMID)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   (an app-specific password)
set -eu
APP="${1:-build/dist/Switchover.app}"
DMG="${2:-}"
if [ -z "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "No MACOS_SIGN_IDENTITY: leaving the app unsigned (a test build, not a release)."
  exit 0
fi
if [ -n "$DMG" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
  xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$DMG"
  exit 0
fi
ENTITLEMENTS="$(dirname "$0")/entitlements.plist"
# Inside out: every binary, then the bundle.
find "$APP/Contents" -type f \( -name "*.so" -o -name "*.dylib" -o -perm -u+x \) -print0 |
  xargs -0 codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
    --sign "$MACOS_SIGN_IDENTITY"
codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
  --sign "$MACOS_SIGN_IDENTITY" "$APP"
codesign --verify --strict --deep "$APP"
ZIP="$(mktemp -d)/Switchover.zip"
ditto -c -k --keepParent "$APP" "$ZIP"
xcrun notarytool submit "$ZIP" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
  --password "$APPLE_APP_PASSWORD" --wait
xcrun stapler staple "$APP"
