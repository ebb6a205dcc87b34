# Intune remediation script: back up, uninstall and verify by policy.
# migrate exit codes: 0 done / nothing to do / restart needed, 1 failed, 2 bad policy,
# 4 something remains or the expected protection is not active.
$ErrorActionPreference = 'Stop'
$switchover = Join-Path $env:ProgramFiles 'Switchover\switchover.exe'
$policy = Join-Path $env:ProgramData 'Switchover\policy.toml'
$result = & $switchover migrate --unattended --policy $policy --json
$code = $LASTEXITCODE
$report = $result | ConvertFrom-Json
Write-Output "$($report.outcome): $($report.message)"
switch ($code) {
    0 { exit 0 }
    4 { exit 1 }   # Intune shows the remediation as failed; the report says what remains
    default { exit 1 }
}
