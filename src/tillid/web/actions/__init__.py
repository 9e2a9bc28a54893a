"""The action plan (measures from an assessment become tasks) and the evidence files behind them."""
