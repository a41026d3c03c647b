"""Pipeline adapters, each an optional extra (``pip install corpuslint[datatrove]``,
``corpuslint[hf]``): ``corpuslint.integrations.datatrove`` and ``corpuslint.integrations.hf``.
Importing this package imports neither library; importing an adapter needs its library."""
