{
 "format": "switchover-catalog-signature",
 "key": "release-2026-12-v2",
 "ed25519": "BkQaFwaAwtPN1PV8gx98xJzwPybp2+CfZYpD8u4sBFQMqsHNnXvJVNbz8p54jupLYdRe1Hw6tUb4FuYPdXLWDg=="
}
