"""The outcomes area: delivery (DORA) and service metrics, key results and benefits over time."""
