# Makes the weight merging tool's tests discoverable by `python3 -m unittest` from the repository root.
