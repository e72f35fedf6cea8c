## operations
