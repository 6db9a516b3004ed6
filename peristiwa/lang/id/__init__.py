"""id stage."""
