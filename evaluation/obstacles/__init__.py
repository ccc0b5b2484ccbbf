"""Where people got stuck: an edition's blockers and help requests, and the categories survey answers name."""
