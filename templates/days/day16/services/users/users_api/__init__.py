"""The users service: owns user accounts and nothing else."""
