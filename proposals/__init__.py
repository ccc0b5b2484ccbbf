"""Plans residents propose: text, place, theme, initiator, status and cost lines."""
