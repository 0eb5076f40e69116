# Problems in an observed record or trip list (tepat backtest, tepat fit), codes E960-E999.
# Same rules as errors.ftl: the key is the code in lower case, a hint adds -help. English.
