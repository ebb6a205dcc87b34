"""The migration engine the three faces share, the wizard's route and the final report."""
