"""The assessment engine: visible questions, evaluation as of a date, traces, re-evaluation."""
