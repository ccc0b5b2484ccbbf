"""The draw pages: the facilitator's quotas, draw and members, and the published panel."""
