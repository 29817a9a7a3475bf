"""The web workspace: a Django app over the planner (accounts, roles, versions, audit log).

The views call the library (``scheduler.planner.solve``, ``scheduler.checker.check``,
``scheduler.explain``, ``scheduler.report``); no rule logic lives here. Start it with
``scheduler serve`` (see the README).
"""
