"""Benchmarks (issue 6): solvers side by side on the instance families of
``benchmarks/instances/``, every calendar scored by the independent checker.

``solvers`` (CP-SAT planner, greedy first-fit, HiGHS on the same model, Timefold),
``runner`` (parallel, resumable runs into ``results.csv``), ``report`` (README and plots).
"""
