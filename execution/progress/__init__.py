"""Progress: updates with photos by the people doing the work, moderation, and the project status."""
