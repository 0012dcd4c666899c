# WRONG (stack depth): the textbook recursion is right on small trees, but it uses one stack frame
# per level and raises RecursionError on the 100,000-deep chains the statement allows.
def genre_tree_depth(root):
    if root is None:
        return 0
    return 1 + max(genre_tree_depth(root.left), genre_tree_depth(root.right))
