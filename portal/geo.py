"""Where Sharaka's maps are: Morocco's extent, for every map that has nothing else to show."""

#: Mainland Morocco and the southern provinces: west, south, east, north (degrees).
MOROCCO_BOUNDS = (-17.1, 20.8, -1.0, 35.95)
