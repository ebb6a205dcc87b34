"""Detection: which Kaspersky products, other security products and leftovers a snapshot shows,
and whether the machine is protected.
"""
