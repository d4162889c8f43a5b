# later (classes + gc): the seed document's Node cycle example; gc.collect() first so no automatic collection interferes.
import gc
gc.collect()

# Create circular reference
class Node:
    def __init__(self):
        self.ref = None

node1 = Node()
node2 = Node()
node1.ref = node2
node2.ref = node1

# Remove references
del node1, node2

# Force garbage collection to reclaim circular references
collected = gc.collect()
print(f"Garbage collector collected {collected} objects")
