"""Reaching residents on paper: the address list, the letters with a code and QR code, CSV uploads."""
