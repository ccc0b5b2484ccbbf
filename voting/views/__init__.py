"""The vote's pages: the resident's start page, ballot and e-mail check; the officials' vote management."""
