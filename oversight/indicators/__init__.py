"""Indicators: the figures a board watches (definitions, values per period, area and
breakdown, benchmarks), with derived direction of travel and RAG against target."""
