; Switchover's Windows installer (NSIS 3).
;   makensis -DVERSION=0.1.0 -DPAYLOAD_DIR=build\dist\Switchover -DOUTFILE=setup.exe
;            [-DICON=...] [-DSIGN_CMD='signtool sign /fd sha256 /a "%1"'] installer.nsi
; Per-user by default (no administrator rights needed); per-machine with /AllUsers on the
; command line or the choice on the install-mode page. Upgrades install over the old
; version. The uninstaller removes only what this installer put there.
Unicode true
Target amd64-unicode
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD_DIR
  !error "pass -DPAYLOAD_DIR=<the PyInstaller onedir folder>"
!endif
!ifndef OUTFILE
  !define OUTFILE "Switchover-${VERSION}-setup.exe"
!endif
!define APPNAME "Switchover"
!define PUBLISHER "Switchover developers"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Switchover"

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_INSTDIR "${APPNAME}"
!define MULTIUSER_USE_PROGRAMFILES64
; An upgrade goes where the installed version is, even when its folder was chosen by hand.
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTKEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!include "MultiUser.nsh"
!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifdef STAND_IN
  ; Built on Linux around the Linux bundle only to prove the script compiles and installs.
  Name "${APPNAME} ${VERSION} (TEST BUILD - NOT A RELEASE)"
!else
  Name "${APPNAME} ${VERSION}"
!endif
OutFile "${OUTFILE}"
SetCompressor /SOLID lzma
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "FileDescription" "${APPNAME} installer"
VIAddVersionKey "LegalCopyright" "GPL-3.0-or-later"

!ifdef SIGN_CMD
  ; Signs the installer and the uninstaller it contains; %1 in the command is the file
  ; (signtool on Windows; osslsigncode works the same way on Linux, see packaging/README.md).
  !finalize '${SIGN_CMD}'
  !uninstfinalize '${SIGN_CMD}'
!endif

Function .onInit
  !insertmacro MULTIUSER_INIT
  !ifdef STAND_IN
    IfSilent +2
    MessageBox MB_OK|MB_ICONEXCLAMATION "TEST BUILD - NOT A RELEASE. This installer carries a stand-in payload and exists only to test the installer script."
  !endif
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\Switchover.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Install"
  SetOutPath "$INSTDIR"
  ; Upgrade: the old version's program files go first, so no stale module is left behind;
  ; only where Switchover is installed, never in a folder that merely has an _internal.
  IfFileExists "$INSTDIR\Switchover.exe" 0 +2
    RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD_DIR}/*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\Switchover.exe"
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\Switchover.exe"
  WriteRegStr SHCTX "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTKEY}" "EstimatedSize" "$0"
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; Only what the installer put there: never RMDir /r on a folder a user may have chosen.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\Switchover.exe"
  Delete "$INSTDIR\switchover-cli.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  DeleteRegKey SHCTX "${UNINSTKEY}"
SectionEnd
