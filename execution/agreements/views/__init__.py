"""The agreement pages (the agreement of a project, its public history) and the district's set-up."""
