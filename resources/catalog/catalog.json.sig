{
 "format": "switchover-catalog-signature",
 "key": "release-2026-12-v3",
 "ed25519": "KuJxtb4VKmmDyaaiGYBvKoMdNOKUZW3tpReUqmmos92HIxsr3SBwNsCgLmrd7KQj0UTi0cFVv1r2PtFe8lvmDQ=="
}
