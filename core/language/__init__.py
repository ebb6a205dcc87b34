"""The user's language: which one, its sentences (gettext), its dates, numbers and paper."""
