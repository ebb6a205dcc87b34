{
 "format": "switchover-catalog-signature",
 "key": "release-2026-12-v3",
 "ed25519": "e7OMh/ejO55yZCCsGHKsI0UjZoR8gt4GI5m/ohF5ErF7KycfNdo2giqSXaxRga66KGlqeNCqOT5AXQvQy1epAQ=="
}
