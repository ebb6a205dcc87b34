{
 "format": "switchover-catalog-signature",
 "key": "release-2026-11",
 "ed25519": "H5a8aN8fPB2ko37AWsXuUgMgD6u6NNB2wVKUYPqEG45PV/avusTGU9rQO5VAnL02NxXz1seWmfKMSArp6f+YDA=="
}
