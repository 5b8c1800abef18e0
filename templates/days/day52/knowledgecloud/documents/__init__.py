"""The documents service: uploads, their bytes in S3, their metadata, and the events about them."""
