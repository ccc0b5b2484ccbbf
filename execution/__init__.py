"""Carrying out: every chosen plan becomes a project, run by its initiators together with the district."""
