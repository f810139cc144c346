"""Danish demo data and the benchmarks' generated data: above every app, so that loading a
whole organisation's life may touch them all while no app imports another's demo."""
