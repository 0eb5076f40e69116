# Problems in a TPS list given to `tepat import` (docs/import.md), codes E910-E959.
# Same rules as errors.ftl: the key is the code in lower case, a hint adds -help. English.
