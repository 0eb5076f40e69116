# The command-line parser's errors (E809, E848): the option, value and usage come from the
# parser, the sentence from here. English, worded as the parser's own English.

e809 = unexpected argument '{ $arg }' found
e809-subcommand = unrecognized subcommand '{ $name }'
e809-subcommand-missing = '{ $name }' requires a subcommand but one was not provided; subcommands: { $values }
e809-empty = a value is required for '{ $arg }' but none was supplied
e809-value = invalid value '{ $value }' for '{ $arg }'
e809-possible = { $message }
    {"  ["}possible values: { $values }]
e809-invalid = invalid value '{ $value }' for '{ $arg }': { $why }
e809-twice = the argument '{ $arg }' cannot be used multiple times
e809-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
e809-conflict-any = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
e809-equals = equal sign is needed when assigning values to '{ $arg }'
e809-too-many = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
e809-count = { $expected } values required for '{ $arg }' but { $given } were provided
e809-utf8 = invalid UTF-8 was detected in one or more arguments
e809-similar = tip: a similar name exists: { $names }
e809-usage = Usage: { $syntax }
e809-more = For more information, try '--help'.
e848 = the following required arguments were not provided: { $args }
