# pytester: the pytest plugin is tested by running pytest on small content trees.
pytest_plugins = ["pytester"]

# pytester's in-process runs restore sys.modules afterwards, dropping every module first
# imported inside them; numpy's C core cannot be loaded twice in one process, so a later
# Spark/pandas test in the same worker failed with "cannot load module more than once per
# process". Import numpy (when installed) before any such run, so it is never dropped.
try:
    import numpy  # noqa: F401
except ImportError:
    pass
