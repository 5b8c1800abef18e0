"""Release decisions for progressive delivery."""
