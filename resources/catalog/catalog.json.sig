{
 "format": "switchover-catalog-signature",
 "key": "release-2026-12-v3",
 "ed25519": "0Z1g7X4h8f3b12HUEHWybJSyxiiWmjnkg3VXgGulcJ0PS5pQfY/kljzMaZrbumvbi4ca9X3sUDkL3NQ7ufGEAA=="
}
