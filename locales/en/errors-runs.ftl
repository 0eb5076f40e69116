# Problems of shards, merges and sweeps (tepat run --shard, tepat merge, tepat sweep), codes E861-E899.
# Same rules as errors.ftl: the key is the code in lower case, a hint adds -help. English.
