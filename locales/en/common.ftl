# Words shared by every output. English.

language-name = English
tepat-tagline = Will the election materials get there in time?
and = and
none = none
