# Messages printed on the terminal. English.

written = written: { $path }
new-written = written: { $path }
    Next: replace the example numbers with your own, then
      tepat check { $path }
      tepat run { $path }

# The progress bar of a simulation.
progress-unit = runs
progress-per-second = /s
