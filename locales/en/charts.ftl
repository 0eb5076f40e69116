# Chart titles, axes, legends and captions. English.

chart-footer = { $scenario } · seed { $seed } · { $runs } replications · tepat { $version }
