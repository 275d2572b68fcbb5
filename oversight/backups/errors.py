class Refused(Exception):
    """A backup or restore that cannot be done; the message says why, in a sentence."""
