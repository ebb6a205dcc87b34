{
 "format": "switchover-catalog-signature",
 "key": "release-2026-12-v3",
 "ed25519": "WQbaOv/lc4PiQXBSlP1kZNyFARK94Rgkd2dnTe2piB/vfhKfAtfbsVvgmzaxBYk1vKG6+iwgZMZv7yzW7qPNCQ=="
}
