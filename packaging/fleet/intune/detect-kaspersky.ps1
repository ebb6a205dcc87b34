# Intune detection script: exit 1 = Kaspersky present (remediate), exit 0 = nothing to do.
# Runs as SYSTEM in 64-bit PowerShell ("Run script in 64-bit PowerShell": Yes). Switchover
# must be installed per machine (Switchover-Setup.exe /S /AllUsers puts it in Program
# Files); it calls the console program, switchover-cli.exe: Switchover.exe is the windowed
# app, which returns at once and prints nothing.
# `switchover-cli detect --exit-code` exits 10 when a Kaspersky product is found.
$ErrorActionPreference = 'Stop'
$switchover = Join-Path $env:ProgramFiles 'Switchover\switchover-cli.exe'
if (-not (Test-Path -LiteralPath $switchover)) {
    Write-Output "Switchover is not installed per machine ($switchover): install it with /AllUsers"
    exit 1
}
& $switchover detect --exit-code | Out-Null
$code = $LASTEXITCODE
switch ($code) {
    0  { Write-Output 'No Kaspersky product'; exit 0 }
    10 { Write-Output 'Kaspersky found'; exit 1 }
    default { Write-Output "switchover-cli detect failed with exit code $code"; exit 1 }
}
