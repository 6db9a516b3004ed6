"""peristiwa: political event data from Indonesian news."""

__version__ = "0.1.0"
