"""UMKM vendor registration: validation, the draft-to-verified lifecycle, the checklist."""
