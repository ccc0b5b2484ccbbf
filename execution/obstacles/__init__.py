"""Where a project got stuck: blockers and how they were solved, help requests and their answers."""
