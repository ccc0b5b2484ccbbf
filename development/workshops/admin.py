"""The Django admin for the development track's workshops, scoped by district like everything else."""
