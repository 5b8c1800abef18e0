"""The orders service: owns orders and asks the users service about users."""
