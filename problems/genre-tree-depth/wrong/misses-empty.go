package main

// Known wrong: dereferences an empty tree.

// genreTreeDepth: maximum depth in nodes, breadth-first.
//
// Invariant: at the start of each round, level holds exactly the nodes at depth depth + 1, so the number
// of non-empty rounds is the depth. O(n) time, O(width) extra space, and no recursion, so a
// 100,000-node chain is fine.
func genreTreeDepth(root *TreeNode) int {
	depth := 0
	level := []*TreeNode{root}
	for len(level) > 0 {
		depth++
		var next []*TreeNode
		for _, node := range level {
			if node.Left != nil {
				next = append(next, node.Left)
			}
			if node.Right != nil {
				next = append(next, node.Right)
			}
		}
		level = next
	}
	return depth
}
