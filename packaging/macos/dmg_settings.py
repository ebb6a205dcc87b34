# dmgbuild settings: the app and a link to /Applications in a compressed disk image.
#   python -m dmgbuild -s packaging/macos/dmg_settings.py -D app=build/dist/Switchover.app \
#       Switchover build/dist/Switchover-VERSION.dmg
# (dmgbuild runs on macOS only: it needs hdiutil.)
import os.path

application = defines.get("app", "build/dist/Switchover.app")  # noqa: F821 (given by dmgbuild)
appname = os.path.basename(application)
format = "UDZO"
files = [application]
symlinks = {"Applications": "/Applications"}
icon_locations = {appname: (140, 120), "Applications": (500, 120)}
window_rect = ((200, 200), (640, 300))
default_view = "icon-view"
icon_size = 96
