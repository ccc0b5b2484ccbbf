"""Template tags of execution: the parts that the project page includes."""
