"""The Django admin for the development track's coaching, scoped by district like everything else."""
