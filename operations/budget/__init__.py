"""The connection budget: every process's database connections must fit what the server allows."""
