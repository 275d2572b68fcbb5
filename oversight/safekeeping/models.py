"""No models: the module lets Django send this app post_migrate (see apps.py)."""
