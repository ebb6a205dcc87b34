# Intune remediation script: back up, uninstall and verify by policy.
# Runs as SYSTEM in 64-bit PowerShell, with the console program switchover-cli.exe of a
# per-machine install (Switchover-Setup.exe /S /AllUsers).
# migrate exit codes: 0 done / nothing to do / restart needed, 1 failed, 2 bad policy,
# 4 something remains, waits for a person, or the expected protection is not active.
$ErrorActionPreference = 'Stop'
$switchover = Join-Path $env:ProgramFiles 'Switchover\switchover-cli.exe'
$policy = Join-Path $env:ProgramData 'Switchover\policy.toml'
if (-not (Test-Path -LiteralPath $switchover)) {
    Write-Output "Switchover is not installed per machine ($switchover): install it with /AllUsers"
    exit 1
}
$result = & $switchover migrate --unattended --policy $policy --json
$code = $LASTEXITCODE
try {
    $report = ($result -join "`n") | ConvertFrom-Json
    if ($report.error) {
        Write-Output "failed: $($report.error)"   # a stop before any report (bad policy, full disk)
    } else {
        Write-Output "$($report.outcome): $($report.message)"
    }
} catch {
    Write-Output "switchover-cli migrate exited with $code and printed no report"
}
switch ($code) {
    0 { exit 0 }
    4 { exit 1 }   # Intune shows the remediation as failed; the report says what remains
    default { exit 1 }
}
