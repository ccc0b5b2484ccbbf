"""The Django admin for the development track's ideas, scoped by district like everything else."""
