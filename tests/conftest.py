# pytester: the pytest plugin is tested by running pytest on small content trees.
pytest_plugins = ["pytester"]
