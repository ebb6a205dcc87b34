"""Windows Security Center and the trusted root store, as one PowerShell query's JSON.

Kept apart from the rest of the Windows probe because it is the one part that starts a
program (PowerShell by its full path, with a fixed script) and parses what comes back;
every field is validated as it is read.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from core.machine.probes.common import ProbePlan, run
from core.machine.snapshot import Certificate, SecurityCenterProduct

POWERSHELL_TIMEOUT = 20.0

# One command-line argument: no double quotes anywhere, and the lines are joined with
# spaces, so every statement ends with `;` (a `}` that closes a statement too: `};`).
SECURITY_SCRIPT = """
try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false; } catch { };
$out = [ordered]@{};
foreach ($class in @('AntiVirusProduct', 'FirewallProduct', 'AntiSpywareProduct')) {
  try {
    $items = @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName $class
               -ErrorAction Stop);
    $out[$class] = @($items | ForEach-Object { [ordered]@{
      displayName = [string]$_.displayName; productState = $_.productState;
      pathToSignedProductExe = [string]$_.pathToSignedProductExe } });
  } catch { $out[$class] = [string]$_.Exception.Message; };
};
$certs = @();
$certErrors = @();
foreach ($store in @('LocalMachine', 'CurrentUser')) {
  try {
    foreach ($cert in @(Get-ChildItem -Path ('Cert:\\' + $store + '\\Root') -ErrorAction Stop)) {
      if ($cert.Subject -notlike '*Kaspersky*') { continue; };
      $sha = [System.Security.Cryptography.SHA256]::Create();
      $hash = ($sha.ComputeHash($cert.RawData) | ForEach-Object { $_.ToString('x2') }) -join '';
      $certs += [ordered]@{ store = $store; subject = $cert.Subject; issuer = $cert.Issuer;
        thumbprint = $cert.Thumbprint; sha256 = $hash };
    };
  } catch { $certErrors += ($store + ': ' + [string]$_.Exception.Message); };
};
$out['Certificates'] = $certs;
$out['CertificateErrors'] = $certErrors;
ConvertTo-Json -InputObject $out -Depth 5 -Compress;
"""

_SC_KINDS = {"AntiVirusProduct": "antivirus", "FirewallProduct": "firewall",
             "AntiSpywareProduct": "antispyware"}
_CERT_STORES = {"localmachine": "windows:LocalMachine\\Root",
                "currentuser": "windows:CurrentUser\\Root"}
_CN = re.compile(r"(?:^|,)\s*CN=(\"(?:[^\"]|\"\")*\"|[^,]*)", re.IGNORECASE)


def common_name(distinguished_name: str) -> str:
    """The CN of a .NET-style distinguished name (`CN=x, O=y`), or the whole text."""
    found = _CN.search(distinguished_name)
    if not found:
        return distinguished_name.strip()
    value = found.group(1).strip()
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        value = value[1:-1].replace('""', '"')
    return value


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _products(kind_class: str, value: object) -> list[SecurityCenterProduct]:
    out = []
    for item in _as_list(value):
        if not isinstance(item, dict):
            continue
        name = str(item.get("displayName") or "").strip()
        if not name:
            continue
        state = item.get("productState")
        path = str(item.get("pathToSignedProductExe") or "").strip() or None
        out.append(SecurityCenterProduct(
            name=name, kind=_SC_KINDS[kind_class],  # type: ignore[arg-type]
            product_state=state if isinstance(state, int) and not isinstance(state, bool)
            else None, path=path))
    return out


def _certificates(value: object) -> list[Certificate]:
    out = []
    for item in _as_list(value):
        if not isinstance(item, dict) or not isinstance(item.get("subject"), str):
            continue
        store = _CERT_STORES.get(str(item.get("store", "")).casefold())
        if store is None:
            continue
        issuer = item.get("issuer")
        sha256 = item.get("sha256")
        out.append(Certificate(
            store=store, subject=common_name(item["subject"]),
            issuer=common_name(issuer) if isinstance(issuer, str) and issuer else None,
            sha256=sha256.lower() if isinstance(sha256, str) and sha256 else None))
    return out


def parse_security_json(text: str) -> tuple[list[SecurityCenterProduct], list[Certificate],
                                              list[str]]:
    """(Security Center products, trusted roots, notes) from SECURITY_SCRIPT's output."""
    try:
        doc = json.loads(text.strip().lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return [], [], [f"Security Center and certificate query returned no readable answer "
                        f"(not JSON: {exc.msg})"]
    if not isinstance(doc, dict):
        return [], [], ["Security Center and certificate query returned no readable answer"]
    products: list[SecurityCenterProduct] = []
    failures: dict[str, str] = {}
    for kind_class in _SC_KINDS:
        value = doc.get(kind_class)
        if isinstance(value, str):
            failures[kind_class] = " ".join(value.split()) or "unknown error"
        else:
            products += _products(kind_class, value)
    notes = []
    if len(failures) == len(_SC_KINDS):
        reason = next(iter(failures.values()))
        notes.append(f"Windows Security Center is not available (root\\SecurityCenter2: "
                     f"{reason}); is this Windows Server?")
    else:
        notes += [f"Windows Security Center: {cls} could not be read ({why})"
                  for cls, why in failures.items()]
    notes += [f"trusted root certificates, {' '.join(str(e).split())}"
              for e in _as_list(doc.get("CertificateErrors"))]
    return products, _certificates(doc.get("Certificates")), notes


def powershell_path() -> str:
    """Windows PowerShell by full path: never whatever `powershell.exe` the current folder or
    PATH would offer first."""
    system_root = (os.environ.get("SYSTEMROOT") or "C:\\Windows").rstrip("\\")
    return system_root + "\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"


def security_command() -> list[str]:
    script = " ".join(line.strip() for line in SECURITY_SCRIPT.strip().splitlines())
    return [powershell_path(), "-NoProfile", "-NonInteractive", "-Command", script]


def security_center(plan: ProbePlan, notes: list[str]
                     ) -> tuple[list[SecurityCenterProduct], list[Certificate]]:
    text = run(security_command(), notes, timeout=POWERSHELL_TIMEOUT, what="PowerShell")
    if text is None:
        notes.append("Windows Security Center and trusted root certificates were not read "
                     "(PowerShell did not answer)")
        return [], []
    products, certs, more = parse_security_json(text)
    notes += more
    certs = [c for c in certs if plan.wants("certificates", c.subject)]
    return products, certs


# -- folders -------------------------------------------------------------------------------


