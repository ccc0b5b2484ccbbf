"""Projects: opened when a result is published, one per chosen plan; their people and money lines."""
