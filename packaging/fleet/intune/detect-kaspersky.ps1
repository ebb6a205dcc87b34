# Intune detection script: exit 1 = Kaspersky present (remediate), exit 0 = nothing to do.
# `switchover detect --exit-code` exits 10 when a Kaspersky product is found.
$ErrorActionPreference = 'Stop'
$switchover = Join-Path $env:ProgramFiles 'Switchover\switchover.exe'
if (-not (Test-Path -LiteralPath $switchover)) { Write-Output 'Switchover is not installed'; exit 1 }
& $switchover detect --exit-code --json | Out-Null
$code = $LASTEXITCODE
switch ($code) {
    0  { Write-Output 'No Kaspersky product'; exit 0 }
    10 { Write-Output 'Kaspersky found'; exit 1 }
    default { Write-Output "switchover detect failed with exit code $code"; exit 1 }
}
