{
 "format": "switchover-catalog-signature",
 "key": "release-2026-12-v3",
 "ed25519": "kTN8xw/S4Eji5HeXPbpnA3GIcvNgKTXeIIXSaSGNuSoKRKZsQGbFeYuOLH6GtioSjESim6f/AnA6wUUy7wo9Cw=="
}
