"""The recruitment pages: the resident's sign-up and the facilitator's werving (recruitment) page."""
