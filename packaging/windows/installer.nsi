; Switchover's Windows installer (NSIS 3).
;   makensis -DVERSION=0.1.0 -DPAYLOAD_DIR=build\dist\Switchover -DOUTFILE=setup.exe
;            [-DICON=...] [-DSIGN_CMD='signtool sign /fd sha256 /a "%1"'] installer.nsi
; Per-user by default (no administrator rights needed); per-machine with /AllUsers on the
; command line or the choice on the install-mode page; /D=<folder> is honoured. Upgrades
; install over the old version. The uninstaller removes only what this installer put
; there, only in its own folder, and only its own Apps & Features entry.
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
; An upgrade goes where the installed version is: the same mode (per-machine when only a
; per-machine copy exists and the user may install there) and the same folder, even when
; the folder was chosen by hand. The uninstaller does not use these (see un.onInit).
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTKEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTKEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!include "MultiUser.nsh"
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

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
  ; "= 0": a failed signing (a timestamp server down) fails the build instead of
  ; leaving an unsigned installer behind.
  !finalize '${SIGN_CMD}' = 0
  !uninstfinalize '${SIGN_CMD}' = 0
!endif

Var OwnHive  ; the uninstaller's own Apps & Features entry: HKLM, HKCU or none

Function .onInit
  StrCpy $0 $INSTDIR  ; /D=<folder> on the command line, which MultiUser would overwrite
  !insertmacro MULTIUSER_INIT
  StrCmp $0 "" +2
    StrCpy $INSTDIR $0
  !ifdef STAND_IN
    IfSilent +2
    MessageBox MB_OK|MB_ICONEXCLAMATION "TEST BUILD - NOT A RELEASE. This installer carries a stand-in payload and exists only to test the installer script."
  !endif
FunctionEnd

; A folder is fit to install into when it is new, empty, or holds Switchover already:
; the uninstaller removes _internal as a whole, and another program's must not be in it.
!macro CHECK_FOLDER
  ${DirState} "$INSTDIR" $1
  ${If} $1 == 1
  ${AndIfNot} ${FileExists} "$INSTDIR\Switchover.exe"
    MessageBox MB_OK|MB_ICONSTOP "$INSTDIR already holds other files. Choose an empty folder or the folder of an earlier Switchover." /SD IDOK
    Abort
  ${EndIf}
!macroend

Function .onVerifyInstDir
  ${DirState} "$INSTDIR" $1
  ${If} $1 == 1
  ${AndIfNot} ${FileExists} "$INSTDIR\Switchover.exe"
    Abort  ; keeps Next disabled on the folder page
  ${EndIf}
FunctionEnd

Function un.onInit
  ; $INSTDIR is the uninstaller's own folder, the only one it may touch. MultiUser would
  ; replace it with the registry's InstallLocation, which any program can rewrite (HKCU).
  StrCpy $0 $INSTDIR
  !insertmacro MULTIUSER_UNINIT
  StrCpy $INSTDIR $0
  ; Its entry is the one that names this folder; an entry naming another copy is left.
  StrCpy $OwnHive ""
  ReadRegStr $1 HKLM "${UNINSTKEY}" "InstallLocation"
  ${If} $1 == $INSTDIR
    StrCpy $OwnHive "HKLM"
    SetShellVarContext all
  ${Else}
    ReadRegStr $1 HKCU "${UNINSTKEY}" "InstallLocation"
    ${If} $1 == $INSTDIR
      StrCpy $OwnHive "HKCU"
      SetShellVarContext current
    ${EndIf}
  ${EndIf}
FunctionEnd

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!define MUI_DIRECTORYPAGE_TEXT_TOP "Choose a new or empty folder, or the folder of an earlier Switchover (Next stays off for a folder that holds other files)."
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\Switchover.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Install"
  !insertmacro CHECK_FOLDER
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
  ${If} $OwnHive == "HKLM"
    Delete "$SMPROGRAMS\${APPNAME}.lnk"
    DeleteRegKey HKLM "${UNINSTKEY}"
  ${ElseIf} $OwnHive == "HKCU"
    Delete "$SMPROGRAMS\${APPNAME}.lnk"
    DeleteRegKey HKCU "${UNINSTKEY}"
  ${EndIf}
SectionEnd
