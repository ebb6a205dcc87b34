"""What a machine is made of, as Switchover sees it: probes, the snapshot they write, the
signatures and traces matched against it.
"""
