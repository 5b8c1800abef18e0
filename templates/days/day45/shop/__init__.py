"""Day 45: the help-centre assistant (day 41's client and prices) and the harness that grades it."""
