{
 "format": "switchover-catalog-signature",
 "key": "release-2026-11",
 "ed25519": "RiDaaP3nVG34EPNFf77taDpQq7GBMdJ+MfvXB/OE9XtTUXg+IaTclvVzvDpKHEygwAfIotdCqBgENJUt8FXoBw=="
}
