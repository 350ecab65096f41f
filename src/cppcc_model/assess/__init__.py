"""Assessment: scoring, ranking, groups, awards and requirement checks."""
