{
 "format": "switchover-catalog-signature",
 "key": "release-2026-12",
 "ed25519": "zfsNInDonpbjNzccU8tr0qQ1gMzMm9zrcav35h/jEqloGFxFBgx0u2q6DJ4Ni2t0UD89+rPX+opf8m/V8XHRDg=="
}
