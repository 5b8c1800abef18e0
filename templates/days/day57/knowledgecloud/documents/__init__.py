"""The documents service's side of day 57: the `document.uploaded` events it publishes."""
