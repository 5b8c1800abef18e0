"""What every service of the shop shares to be observable: JSON logs and request ids."""
