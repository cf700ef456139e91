"""Package data: the exercise catalogue, the built-in programs and the JSON Schemas."""
