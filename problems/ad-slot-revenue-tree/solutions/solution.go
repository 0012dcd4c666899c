package main

import "fmt"

// maxAdRevenue: tree DP with two figures per node, children before parents, no recursion.
//
// For each node: with = Val + without(left) + without(right); without = best(left) + best(right), where
// best = max(with, without). Invariant: nodes are solved in reverse breadth-first order, so both children
// of a node are solved before it. O(n) time, O(n) extra space; depth does not matter.
func maxAdRevenue(root *TreeNode) int {
	if root == nil {
		return 0
	}
	order := []*TreeNode{root}
	for i := 0; i < len(order); i++ {
		node := order[i]
		if node.Val < 0 {
			panic(fmt.Sprintf("negative revenue %d", node.Val))
		}
		if node.Left != nil {
			order = append(order, node.Left)
		}
		if node.Right != nil {
			order = append(order, node.Right)
		}
	}
	withAd := make(map[*TreeNode]int, len(order))
	withoutAd := make(map[*TreeNode]int, len(order))
	for i := len(order) - 1; i >= 0; i-- {
		node := order[i]
		wl, ol, wr, or := 0, 0, 0, 0
		if node.Left != nil {
			wl, ol = withAd[node.Left], withoutAd[node.Left]
		}
		if node.Right != nil {
			wr, or = withAd[node.Right], withoutAd[node.Right]
		}
		withAd[node] = node.Val + ol + or
		withoutAd[node] = max(wl, ol) + max(wr, or)
	}
	return max(withAd[root], withoutAd[root])
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}
